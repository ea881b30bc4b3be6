"""Retry with backoff, rate limiting, chunking and the request-timeout hook."""

from __future__ import annotations

import threading
import time

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

import fakeservers as fs
from l10n.engines import http
from l10n.engines.base import Engine, GarbageResultError, TransientEngineError, UnreachableError
from l10n.engines.runner import (SLACK_MAX, Aborted, Batch, Dispatcher, RateLimiter, RequestCounter, RetryPolicy, _Workers,
                                 call_with_retry, split_chunks)
from l10n.errors import RateLimitError


class Scripted(Engine):
    name = "scripted"

    def __init__(self, errors):
        super().__init__()
        self.errors = list(errors)
        self.calls = 0

    def _translate_batch(self, texts, source, target):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return [t.upper() for t in texts]


FAST = RetryPolicy(retries=3, backoff=0.01, max_backoff=0.02)


def run(engine, policy=FAST, abort=None):
    return call_with_retry(engine, ["hei"], "nb", "en", policy, RateLimiter(None), abort or threading.Event(),
                           RequestCounter())


def test_retries_rate_limit_and_5xx():
    engine = Scripted([RateLimitError("429"), TransientEngineError("500")])
    assert run(engine) == ["HEI"] and engine.calls == 3


def test_gives_up_after_retries():
    engine = Scripted([TransientEngineError("500")] * 10)
    with pytest.raises(TransientEngineError):
        run(engine)
    assert engine.calls == 4


def test_unreachable_retried_once():
    engine = Scripted([UnreachableError("refused")] * 5)
    with pytest.raises(UnreachableError):
        run(engine)
    assert engine.calls == 2


def test_abort_stops_before_sending():
    abort = threading.Event()
    abort.set()
    engine = Scripted([])
    with pytest.raises(Aborted):
        run(engine, abort=abort)
    assert engine.calls == 0


def test_backoff_is_exponential_with_jitter():
    policy = RetryPolicy(backoff=1.0, max_backoff=5.0)
    delays = [policy.delay(n) for n in range(5)]
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and 2.0 <= delays[2] <= 4.0
    assert all(d <= 5.0 for d in delays)
    assert len({policy.delay(3) for _ in range(20)}) > 1


def test_rate_limiter_spaces_requests():
    limiter = RateLimiter(20.0)
    start = time.monotonic()
    threads = [threading.Thread(target=limiter.acquire) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert time.monotonic() - start >= 0.2


def test_split_chunks_prefers_sentence_ends():
    text = "Første setning. Andre setning! Tredje setning?"
    assert split_chunks(text, 32) == (["Første setning. Andre setning!", "Tredje setning?"], [" ", ""])
    assert split_chunks(text, 1000) == ([text], [""])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. !?\n")), max_size=200), st.integers(min_value=3, max_value=50))
def test_split_chunks_round_trip(text, limit):
    chunks, seps = split_chunks(text, limit)
    assert "".join(c + s for c, s in zip(chunks, seps)) == text
    assert all(len(c) <= limit for c in chunks)


def test_timeout_hook_only_inside_scope(serve):
    server = serve(lambda seen: fs.Reply(200, {}, delay=0.6))
    with http.request_scope(0.1):
        with pytest.raises(requests.exceptions.ReadTimeout):
            requests.get(server.url)
    assert requests.get(server.url).status_code == 200  # no timeout imposed outside a scope


def test_timeouts_retried_fewer_times():
    """README: retries on 429, 5xx *and timeouts*; a hung server costs 3 attempts, not retries + 1 = 4."""
    from l10n.engines.base import EngineTimeoutError

    engine = Scripted([EngineTimeoutError("slow")] * 10)
    with pytest.raises(EngineTimeoutError):
        run(engine)
    assert engine.calls == 3  # the literal promise, not the constant: timeout_retries=0 must fail here


def test_a_timeout_then_an_answer_is_a_translation():
    from l10n.engines.base import EngineTimeoutError

    engine = Scripted([EngineTimeoutError("slow"), EngineTimeoutError("slow")])
    assert run(engine, RetryPolicy(backoff=0.01, max_backoff=0.02)) == ["HEI"]
    assert engine.calls == 3


class RecordingEvent(threading.Event):
    """An abort event that records how long the runner asked to wait, without waiting."""

    def __init__(self):
        super().__init__()
        self.waits = []

    def wait(self, timeout=None):
        self.waits.append(timeout)
        return False


def test_retry_after_of_a_429_is_honoured():
    error = RateLimitError("429")
    error.retry_after = 3
    engine = Scripted([error, RateLimitError("429 without Retry-After")])
    abort = RecordingEvent()
    assert run(engine, RetryPolicy(retries=2, backoff=0.001, max_backoff=1.0), abort=abort) == ["HEI"]
    assert engine.calls == 3
    assert abort.waits[0] == 3 and abort.waits[1] < 0.01  # the server's wait, then our own backoff


# -- Dispatcher ------------------------------------------------------------------------------------

class Slow(Engine):
    """Answers after ``delay`` seconds; records how many calls ran at once; garbage for a batch of
    more than one text when ``picky``."""

    name = "slow"

    def __init__(self, delay=0.002, picky=False):
        super().__init__()
        self.delay, self.picky = delay, picky
        self.now = self.most = 0
        self.lock = threading.Lock()

    def _translate_batch(self, texts, source, target):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            time.sleep(self.delay)
            if self.picky and len(texts) > 1:
                raise GarbageResultError("slow: two answers glued together")
            return [f"EN {t}" for t in texts]
        finally:
            with self.lock:
                self.now -= 1


def dispatch(engine, batches, workers=4, window=8, on_result=None):
    abort = threading.Event()
    answered, failed, flight = {}, [], {"now": 0, "most": 0}

    def send(batch):
        return call_with_retry(engine, batch.items, "nb", "en", FAST, RateLimiter(None), abort)

    def admit(batch):
        flight["now"] += 1
        flight["most"] = max(flight["most"], flight["now"])
        return True

    def got(batch, results):
        flight["now"] -= 1
        for key, result in zip(batch.keys, results):
            assert key not in answered
            answered[key] = result
        if on_result:
            on_result(batch, results)

    def lost(batch, exc):
        flight["now"] -= 1
        failed.append((batch.keys, exc))

    queue = list(batches)
    Dispatcher(engine, send, workers, abort, window=window).run(
        lambda: [queue.pop(0)] if queue else [], got, lost, admit=admit)
    return answered, failed, flight["most"], abort


def test_dispatcher_answers_every_batch_within_the_window():
    engine = Slow()
    batches = [Batch([i], [f"tekst {i}"], "nb", "en") for i in range(120)]
    answered, failed, most, _ = dispatch(engine, batches)
    assert answered == {i: f"EN tekst {i}" for i in range(120)} and not failed
    assert most <= 8  # never more than the window handed out
    assert engine.most <= 4  # never more than the workers at once


def test_dispatcher_halves_a_distrusted_batch_down_to_single_texts():
    engine = Slow(picky=True)
    answered, failed, _, _ = dispatch(engine, [Batch(list(range(6)), [f"t{i}" for i in range(6)], "nb", "en")])
    assert answered == {i: f"EN t{i}" for i in range(6)} and not failed


def test_dispatcher_stops_on_a_callers_error_and_lets_the_threads_end():
    def boom(batch, results):
        raise RuntimeError("the caller failed")

    before = threading.active_count()
    with pytest.raises(RuntimeError):
        dispatch(Slow(), [Batch([i], [f"t{i}"], "nb", "en") for i in range(40)], on_result=boom)
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before


def test_slack_only_while_requests_wait_and_never_over_the_cap():
    pool = _Workers(4, lambda batch: [], "test")
    assert pool.slack() == 0.0  # nothing finished yet: no rate to go by
    pool.finished.extend(i * 0.01 for i in range(8))  # one answer every 10 ms
    pool.threads = [None] * 4  # type: ignore[list-item]  (no thread started: the arithmetic only)
    pool.in_flight = 5
    assert pool.slack() == 0.0  # one request queued beyond the threads: do not wait
    pool.in_flight = 10
    assert pool.slack() == pytest.approx(0.5 * 6 * 0.01)  # half the time the 6 queued requests last
    pool.in_flight = 400
    assert pool.slack() == SLACK_MAX
