"""Calling an engine robustly: rate limit, retry with backoff and jitter, chunking.

deep-translator has none of this (its ``translate_batch`` is a sequential loop
that stops at the first error), so :mod:`l10n.translate` runs every request
through :func:`call_with_retry` on its worker threads.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass

from ..errors import RateLimitError
from .base import Engine, EngineError, EngineTimeoutError, TransientEngineError, UnreachableError


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
    texts: list[str],
    source: str,
    target: str,
    policy: RetryPolicy,
    limiter: RateLimiter,
    abort: threading.Event,
    counter: RequestCounter | None = None,
) -> list[str]:
    """One logical request; retried on 429 and 5xx, twice on timeouts, once on a refused connection."""
    attempt = 0
    while True:
        if abort.is_set():
            raise Aborted(f"{engine.name}: run stopped before this request was sent")
        limiter.acquire()
        if counter is not None:
            counter.add()
        try:
            return engine.translate_batch(texts, source, target)
        except (RateLimitError, TransientEngineError, UnreachableError) as exc:
            limit = (policy.unreachable_retries if isinstance(exc, UnreachableError)
                     else policy.timeout_retries if isinstance(exc, EngineTimeoutError) else policy.retries)
            if attempt >= limit:
                raise
        if abort.wait(policy.delay(attempt)):
            raise Aborted(f"{engine.name}: run stopped before this request was sent")
        attempt += 1


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
