"""Dispatching requests to an engine: a bounded window of batches in flight, retries with
backoff and jitter, rate limiting, halving distrusted batches, chunking.

deep-translator has none of this (its ``translate_batch`` is a sequential loop
that stops at the first error), so :mod:`l10n.translate` hands its planned
batches to a :class:`Dispatcher`, which sends each through :func:`call_with_retry`
on worker threads. At most ``window`` batches are queued on the pool, so the
coordinator's own work per result stays constant however many segments a run has.
"""

from __future__ import annotations

import queue
import random
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..errors import RateLimitError
from .base import (ContextTooLongError, Engine, EngineError, EngineTimeoutError, GarbageResultError,
                   PartlyDistrustedError, RejectedError, TransientEngineError, UnreachableError)
from .request import MTRequest


class Aborted(EngineError):
    """The run was stopped (engine unreachable or interrupted) before this request went out."""


class RateLimiter:
    """At most ``rate`` request starts per second across all threads (None: unlimited)."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter: attempt n waits U(0.5, 1) × min(cap, base × 2ⁿ)."""

    retries: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0
    unreachable_retries: int = 1
    timeout_retries: int = 2  # a hung server should not cost retries × timeout per segment

    def delay(self, attempt: int) -> float:
        return min(self.max_backoff, self.backoff * (2**attempt)) * random.uniform(0.5, 1.0)


class RequestCounter:
    """Requests actually sent, counted across threads."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self, n: int = 1) -> None:
        with self._lock:
            self.value += n


def call_with_retry(
    engine: Engine,
    texts: list[str] | list[MTRequest],
    source: str,
    target: str,
    policy: RetryPolicy,
    limiter: RateLimiter,
    abort: threading.Event,
    counter: RequestCounter | None = None,
) -> list[str]:
    """One logical request; retried on 429 and 5xx, twice on timeouts, once on a refused connection.

    A 429 that says ``Retry-After`` waits that long (capped) instead of the backoff.
    """
    attempt = 0
    while True:
        if abort.is_set():
            raise Aborted(f"{engine.name}: run stopped before this request was sent")
        limiter.acquire()
        if counter is not None:
            counter.add()
        try:
            if texts and isinstance(texts[0], MTRequest):
                return engine.translate_requests(texts, source, target)  # type: ignore[arg-type]
            return engine.translate_batch(texts, source, target)  # type: ignore[arg-type]
        except (RateLimitError, TransientEngineError, UnreachableError) as exc:
            limit = (policy.unreachable_retries if isinstance(exc, UnreachableError)
                     else policy.timeout_retries if isinstance(exc, EngineTimeoutError) else policy.retries)
            if attempt >= limit:
                raise
            wait = _retry_after(exc, policy)
        if abort.wait(wait if wait is not None else policy.delay(attempt)):
            raise Aborted(f"{engine.name}: run stopped before this request was sent")
        attempt += 1


def _retry_after(exc: EngineError, policy: RetryPolicy) -> float | None:
    """The server's own ``Retry-After`` (seconds) from a 429, capped at ``max_backoff`` × 4."""
    value = getattr(exc, "retry_after", None)
    if value is None:
        return None
    return max(0.0, min(float(value), policy.max_backoff * 4))


# -- dispatch ------------------------------------------------------------------

DISTRUSTED = (GarbageResultError, RejectedError)


@dataclass
class Batch:
    """Segments sent in one request: ``keys`` identify them for the caller, ``items`` are what the
    engine gets (texts or :class:`MTRequest`s); ``tries`` counts resends of a one-segment batch."""

    keys: list[Any]
    items: list[Any]
    source: str
    target: str
    tries: int = 0
    note: dict[str, Any] = field(default_factory=dict)

    def subset(self, indices: Iterable[int]) -> "Batch":
        """The segments at ``indices`` as a batch of their own (same languages, a copy of the note)."""
        chosen = list(indices)
        return Batch([self.keys[i] for i in chosen], [self.items[i] for i in chosen], self.source, self.target,
                     note=dict(self.note))

    def halves(self) -> list["Batch"]:
        mid = len(self.keys) // 2
        return [self.subset(range(mid)), self.subset(range(mid, len(self.keys)))]


class Dispatcher:
    """Send batches on a thread pool, at most ``window`` at a time; callbacks run on the caller's thread.

    A batch whose answer is distrusted (garbage, wrong ids, a misfit) or refused is split in two and
    the halves resent, down to one segment; a one-segment batch whose answer was distrusted is
    resent up to ``single_retries`` times before ``on_error`` gets it. ``feed`` is asked for more
    batches whenever the queue runs low, so segments added during the run (an unmasked retry) go out too.
    """

    def __init__(self, engine: Engine, send: Callable[[Batch], list[str]], workers: int,
                 abort: threading.Event, window: int | None = None, single_retries: int = 2) -> None:
        self.engine, self.send, self.workers, self.abort = engine, send, workers, abort
        self.window = window or max(2, 2 * workers)
        self.single_retries = single_retries
        self.queue: deque[Batch] = deque()
        self.distrusted = 0  # batches split or resent after a distrusted answer

    def run(self, feed: Callable[[], Iterable[Batch]], on_result: Callable[[Batch, list[str]], None],
            on_error: Callable[[Batch, BaseException], None], admit: Callable[[Batch], bool] | None = None,
            tick: Callable[[], None] | None = None, tick_every: float = 2.0) -> None:
        """Keep the window full: each answer, as it arrives, is handed over and a batch sent in its place."""
        pool = _Workers(self.workers, self.send, f"l10n-{self.engine.name}")
        try:
            while True:
                self._fill(pool, feed, admit, on_error)
                if not pool.in_flight:
                    break
                answer = pool.next(tick_every)
                while answer is not None:  # everything that finished meanwhile, then refill
                    self._hand_over(*answer, on_result, on_error)
                    answer = pool.next(None)
                if tick is not None:
                    tick()
                pause = pool.slack() if self.queue else 0.0
                if pause:  # the workers have queued requests for a while: let answers gather
                    self.abort.wait(min(pause, tick_every))
        except BaseException:
            self.abort.set()
            raise
        finally:
            pool.shutdown(wait=not self.abort.is_set())

    def _hand_over(self, batch: Batch, results: list[str] | None, exc: BaseException | None,
                   on_result: Callable[[Batch, list[str]], None],
                   on_error: Callable[[Batch, BaseException], None]) -> None:
        if exc is not None:
            if isinstance(exc, PartlyDistrustedError) and not self.abort.is_set():
                self._take_part(batch, exc, on_result)
            elif not self._split(batch, exc):
                on_error(batch, exc)
            return
        on_result(batch, results)  # type: ignore[arg-type]

    def _fill(self, pool: "_Workers", feed: Callable[[], Iterable[Batch]], admit: Callable[[Batch], bool] | None,
              on_error: Callable[[Batch, BaseException], None]) -> None:
        if len(self.queue) < self.window:
            self.queue.extend(feed())
        while self.queue and pool.in_flight < self.window:
            batch = self.queue.popleft()
            if self.abort.is_set():
                on_error(batch, Aborted(f"{self.engine.name}: run stopped before this request was sent"))
                continue
            if admit is not None and not admit(batch):
                on_error(batch, Aborted(f"{self.engine.name}: not sent (over the cost limit)"))
                continue
            pool.submit(batch)

    def _take_part(self, batch: Batch, exc: PartlyDistrustedError,
                   on_result: Callable[[Batch, list[str]], None]) -> None:
        """Write the verified part of an answer; send the distrusted ids again as a smaller batch."""
        self.distrusted += 1
        kept = sorted(exc.accepted)
        rest = [i for i in range(len(batch.keys)) if i not in exc.accepted]
        if rest:
            self.queue.appendleft(batch.subset(rest))
        if kept:
            on_result(batch.subset(kept), [exc.accepted[i] for i in kept])

    def _split(self, batch: Batch, exc: BaseException) -> bool:
        """Requeue a distrusted batch as halves (or a single segment once more); False: give up."""
        if not isinstance(exc, DISTRUSTED) or self.abort.is_set() or getattr(exc, "final", False):
            return False
        if len(batch.keys) > 1:
            self.distrusted += 1
            self.queue.extendleft(reversed(batch.halves()))
            return True
        if getattr(exc, "retryable", False) and batch.tries < self.single_retries:
            self.distrusted += 1
            batch.tries += 1
            self.queue.appendleft(batch)
            return True
        return False


SLACK_MAX = 0.05  # seconds: the longest the dispatcher lets answers gather


class _Workers:
    """Worker threads taking batches from one queue and putting ``(batch, results, error)`` on another.

    Leaner than a ThreadPoolExecutor for this loop (no future, lock and condition per request): a
    request costs one put and one get on each side. Threads are not daemons, so the interpreter
    waits for a request in progress at exit, as it does for an executor's.
    """

    def __init__(self, size: int, send: Callable[[Batch], list[str]], name: str) -> None:
        self.send = send
        self.inbox: queue.SimpleQueue[Batch | None] = queue.SimpleQueue()
        self.outbox: queue.SimpleQueue[tuple[Batch, list[str] | None, BaseException | None]] = queue.SimpleQueue()
        self.size, self.name = size, name
        self.in_flight = 0
        self.finished: deque[float] = deque(maxlen=2 * size)  # when the last requests finished
        self.threads: list[threading.Thread] = []  # started as requests need them, up to ``size``

    def _work(self) -> None:
        inbox, outbox, send = self.inbox, self.outbox, self.send
        while True:
            batch = inbox.get()
            if batch is None:
                return
            try:
                answer = (batch, send(batch), None)
            except BaseException as exc:  # noqa: BLE001 - handed to the dispatcher
                answer = (batch, None, exc)
            outbox.put(answer)
            self.finished.append(time.monotonic())

    def submit(self, batch: Batch) -> None:
        self.in_flight += 1
        if len(self.threads) < min(self.size, self.in_flight):
            thread = threading.Thread(target=self._work, name=f"{self.name}_{len(self.threads)}")
            thread.start()
            self.threads.append(thread)
        self.inbox.put(batch)

    def next(self, timeout: float | None) -> tuple[Batch, list[str] | None, BaseException | None] | None:
        """The next finished request: waiting up to ``timeout`` seconds, or (None) only if one is ready."""
        try:
            answer = self.outbox.get(timeout=timeout) if timeout is not None else self.outbox.get_nowait()
        except queue.Empty:
            return None
        self.in_flight -= 1
        return answer

    def slack(self) -> float:
        """Seconds the dispatcher may wait before its next refill without idling a worker: half the
        time the queued requests (beyond one per thread) last at the recent finishing rate.

        Each wake-up of the dispatcher costs more than the answer it hands over (a context switch,
        cold caches on a busy machine); gathering answers costs nothing as long as no thread waits.
        """
        queued = self.in_flight - len(self.threads)
        stamps = self.finished
        if queued < 2 or len(stamps) < stamps.maxlen:  # type: ignore[operator]
            return 0.0
        per_request = (stamps[-1] - stamps[0]) / (len(stamps) - 1)
        return min(SLACK_MAX, 0.5 * queued * per_request)

    def shutdown(self, wait: bool) -> None:
        """Drop batches not started yet, let the threads end; wait for them unless the run was stopped."""
        try:
            while True:
                self.inbox.get_nowait()
        except queue.Empty:
            pass
        for _ in self.threads:
            self.inbox.put(None)
        if wait:
            for thread in self.threads:
                thread.join()


_SENTENCE_END = re.compile(r"(?<=[.!?…:;])(\s+)")
_SPACE = re.compile(r"(\s+)")


def split_chunks(text: str, max_chars: int) -> tuple[list[str], list[str]]:
    """Cut ``text`` into pieces of at most ``max_chars``, at sentence ends where possible.

    Returns the pieces and the whitespace that followed each (to rejoin the
    translations the same way); ``"".join(p + s for p, s in zip(*result)) == text``.
    """
    if len(text) <= max_chars:
        return [text], [""]
    chunks: list[str] = []
    seps: list[str] = []
    for unit, sep in _units(text, max_chars):
        if chunks and not seps[-1].count("\n") > 1 and len(chunks[-1]) + len(seps[-1]) + len(unit) <= max_chars:
            chunks[-1] += seps[-1] + unit
            seps[-1] = sep
        else:
            chunks.append(unit)
            seps.append(sep)
    return chunks, seps


def _units(text: str, max_chars: int) -> list[tuple[str, str]]:
    """Sentences (or, for over-long sentences, words; or hard slices) with their trailing space."""
    units: list[tuple[str, str]] = []
    for sentence, sep in _pairs(_SENTENCE_END.split(text)):
        if len(sentence) <= max_chars:
            units.append((sentence, sep))
            continue
        words = _pairs(_SPACE.split(sentence))
        for i, (word, wsep) in enumerate(words):
            tail = wsep + (sep if i == len(words) - 1 else "")
            while len(word) > max_chars:
                units.append((word[:max_chars], ""))
                word = word[max_chars:]
            units.append((word, tail))
    return units


def _pairs(parts: list[str]) -> list[tuple[str, str]]:
    """``re.split`` output with one capture group → [(text, following separator)]."""
    texts, seps = parts[0::2], parts[1::2] + [""]
    return [(t, s) for t, s in zip(texts, seps) if t or s]
