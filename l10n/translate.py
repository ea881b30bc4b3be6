"""``l10n translate``: fill untranslated catalogue entries from the TM, then by MT.

A run is plan → dispatch → write. The plan (:mod:`l10n.translate_plan`) asks
the translation memory first and turns the rest into request records
(:class:`~l10n.engines.request.MTRequest`) carrying as much of the article as
the engine declares it uses, masked where the engine needs tokens, cut under its
length limit, looked up in the MT cache and grouped into batches. The dispatcher
(:class:`~l10n.engines.runner.Dispatcher`) sends them on a bounded window of
worker threads with rate limit, retries, and halving of distrusted batches. The
writer (:mod:`l10n.translate_write`) puts results into the catalogues, atomically
and in batches, so an interrupted run loses nothing the MT cache holds. Machine
output is always ``fuzzy`` with ``#. mt: <engine> <date>``; non-fuzzy entries
are never touched.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .config import Config
from .locking import run_lock
from .engines import Engine, get_engine
from .engines.base import (DistrustedError, GarbageResultError, RejectedError, TransientEngineError, UnreachableError,
                           UntranslatedError, has_words)
from .engines.registry import ENGINES
from .engines.request import digest
from .engines.runner import Aborted, Batch, Dispatcher, RateLimiter, RequestCounter, RetryPolicy, call_with_retry
from .errors import EngineError, RateLimitError
from .entrymeta import is_machine_fuzzy, set_provenance
from .gcutil import collector_paused, frozen
from .glossary import check_translation, load_project_glossary
from .invariant import is_invariant
from .mtcache import DEFAULT_PATH, MTCache
from .protect import MaskError, strip_tokens, unmask
from .translate_plan import Key, Planner, Work
from .translate_summary import ArticlePlan, Failure, TranslateSummary
from .translate_write import Writer

if TYPE_CHECKING:
    from .memory import TranslationMemory

__all__ = ["ArticlePlan", "Failure", "TranslateSummary", "is_machine_fuzzy", "set_provenance", "translate_project"]

FALLBACK_NOTE = "protect: engine lost placeholders; sent unprotected, check glossary terms"
MASK_GIVE_UP = 3  # masked texts failed in a row, none succeeded: the engine cannot keep tokens this run
Progress = Callable[[int, int], None]


class _SkipMasked(EngineError):
    """A masked request not sent because the engine cannot keep tokens (the segment goes unmasked)."""


def translate_project(
    config: Config,
    lang: str | None = None,
    engine: str | Engine | None = None,
    articles: list[str] | tuple[str, ...] | None = None,
    workers: int | None = None,
    rate_limit: float | None = None,
    engine_url: str | None = None,
    timeout: float | None = None,
    dry_run: bool = False,
    retranslate_fuzzy: bool = False,
    progress: Progress | None = None,
    retry: RetryPolicy | None = None,
    flush_every: int | None = None,
    flush_interval: float = 2.0,
    cache_path: Path | None | bool = True,
    model: str | None = None,
    max_cost: float | None = None,
    wait: bool = False,
) -> TranslateSummary:
    """Translate every untranslated entry of the chosen languages and articles.

    Raises EngineError at the end (after writing everything that succeeded)
    when the engine could not be reached; the summary is on ``exc.summary``.
    """
    settings = config.section("translate")
    mt = make_engine(engine or settings.get("engine"), settings, engine_url, timeout, model)
    if max_cost is None and settings.get("max_cost") is not None:
        max_cost = float(settings["max_cost"])
    run = _Run(config, mt, settings, workers, rate_limit, retry, flush_every, flush_interval, dry_run)
    run.summary.max_cost = max_cost
    run.max_cost = max_cost
    run.cache = _open_cache(config, settings, cache_path)
    run.planner.cache = run.cache
    one_run = ExitStack()
    try:
        if not dry_run:  # one run per project: a second stops (or, with wait, waits); see locking.run_lock
            one_run.enter_context(run_lock(config.root, "translate", wait))
        tm, threshold = _open_tm(config)
        try:
            with collector_paused():  # catalogues read and planned: all of it stays alive
                run.planner.collect(config.languages(lang), articles, retranslate_fuzzy, tm, threshold)
        finally:
            if tm is not None:
                tm.close()
        if dry_run:
            run.summary.plans = run.planner.estimate(run.cost_per_char)
            run.summary.characters = sum(p.characters for p in run.summary.plans)
        else:
            with frozen():  # the requests' own garbage is still collected, without rescanning the plan
                run.execute(progress)
    finally:
        run.cache.close()
        one_run.close()
    if run.summary.fatal:
        error = EngineError(run.summary.fatal)
        error.summary = run.summary  # type: ignore[attr-defined]
        raise error
    return run.summary


def make_engine(name: str | Engine | None, settings: dict[str, Any], url: str | None, timeout: float | None,
                 model: str | None = None) -> Engine:
    """The engine a run (or the review desk) uses, from the name or the [translate] settings."""
    if isinstance(name, Engine):
        return name
    if not name:
        raise EngineError("no engine chosen; pass --engine NAME or set [translate] engine in l10n.toml")
    cls = ENGINES.get(str(name))
    wanted = ("email", "region", *(cls.settings if cls is not None else ()))
    options = {k: settings[k] for k in wanted if k in settings}
    if model:
        options["model"] = model
    url = url or settings.get("engine_url")
    timeout = timeout if timeout is not None else settings.get("timeout")
    return get_engine(str(name), url=url, timeout=timeout, **options)


def _open_cache(config: Config, settings: dict[str, Any], cache_path: Path | None | bool) -> MTCache:
    if cache_path is False or settings.get("cache") is False:
        return MTCache(None)
    if isinstance(cache_path, Path):
        return MTCache(cache_path)
    return MTCache(config.resolve(settings.get("cache_path", DEFAULT_PATH)))


def _open_tm(config: Config) -> tuple[TranslationMemory | None, int]:
    section = config.section("memory")
    if section.get("enabled", True) is False and "fuzzy_threshold" not in section:
        return None, 0  # no memory and no threshold to check: l10n.memory is not even imported
    from .memory import memory_threshold, open_memory  # rapidfuzz and the TM only when it is used

    return open_memory(config), memory_threshold(config)


def _echoed(result: str, work: Work) -> bool:
    """The engine sent the masked text back untouched although it holds words to translate
    (names and numbers around the tokens rightly stay as they are)."""
    masked = work.masked
    rest = strip_tokens(masked.text, masked.style)
    words = [w for w in rest.split() if sum(c.isalpha() for c in w) >= 2]
    return result.strip() == masked.text.strip() and len(words) >= 2 and not is_invariant(rest)


def _malformed(exc: EngineError) -> bool:
    """The service answered with something that is not a translation at all (an outage symptom)."""
    return isinstance(exc, GarbageResultError) and not isinstance(exc, (UntranslatedError, DistrustedError))


class _Run:
    """One translate run: the planner's work, the dispatcher's callbacks, the writer."""

    def __init__(self, config: Config, engine: Engine, settings: dict[str, Any], workers: int | None,
                 rate_limit: float | None, retry: RetryPolicy | None, flush_every: int | None, flush_interval: float,
                 dry_run: bool) -> None:
        self.config, self.engine = config, engine
        self.summary = TranslateSummary(engine.name, dry_run=dry_run)
        self.workers = max(1, int(workers or settings.get("workers") or engine.default_workers))
        rate = rate_limit if rate_limit is not None else settings.get("rate_limit", engine.default_rate_limit)
        self.limiter = RateLimiter(float(rate) if rate else None)
        self.retry = retry or RetryPolicy(retries=int(settings.get("retries", 4)))
        cost = settings.get("cost_per_million")
        self.cost_per_char = float(cost) / 1_000_000 if cost is not None else None
        self.max_cost: float | None = None
        # an engine priced at nothing by the default estimate: no estimate per request
        self.free = (self.cost_per_char is None and not engine.cost_per_million_chars
                     and type(engine).estimate is Engine.estimate)
        self.glossary = load_project_glossary(config)
        engine.attach_glossary(self.glossary, str(config.section("project").get("name") or config.root.name))
        self.cache: MTCache = MTCache(None)
        self.abort = threading.Event()
        self.counter = RequestCounter()
        self.stamp = f"mt: {engine.provenance()} {date.today().isoformat()}"
        self.catalogs: list = []
        self.writer = Writer(self.catalogs, flush_every, flush_interval, dry_run)
        self.planner = Planner(config, engine, self.glossary, self.cache, self.summary, self._write, self.stamp,
                               catalogs=self.catalogs)
        self.finished = 0
        self.total = 0
        self.progress: Progress | None = None
        self.failures_in_a_row = 0
        self.breaker = max(5, self.workers)
        self.mask_failures = 0  # masked requests the engine failed (lost tokens, echoed, rejected)
        self.mask_successes = 0

    # -- dispatch -------------------------------------------------------------
    def execute(self, progress: Progress | None) -> None:
        self.progress = progress
        self.total = len(self.planner.work)
        for work in [w for w in self.planner.work if w.remaining == 0]:
            self._complete(work)
        dispatcher = Dispatcher(self.engine, self._send, self.workers, self.abort)
        try:
            dispatcher.run(self.planner.batches, self._on_result, self._on_error, admit=self._admit,
                           tick=self.writer.maybe_flush, tick_every=self.writer.flush_interval)
        finally:
            self.summary.requests = self.counter.value
            self.summary.distrusted = dispatcher.distrusted
            self.writer.flush(last=True)
            self.cache.commit()

    def _admit(self, batch: Batch) -> bool:
        """Count the estimated cost of a request; refuse it when it would pass ``--max-cost``."""
        if self.summary.stopped:
            return False
        cost = self._cost(batch)
        if self.max_cost is not None and self.summary.spent + cost > self.max_cost + 1e-12:
            self.summary.stopped = (f"stopped before passing --max-cost {self.max_cost:g} USD: about "
                                    f"{self.summary.spent:.4f} USD sent, the next request would add {cost:.4f}")
            return False
        self.summary.spent += cost
        return True

    def _cost(self, batch: Batch) -> float:
        if self.free:
            return 0.0
        estimate = self.engine.estimate(batch.items)
        return estimate.characters * self.cost_per_char if self.cost_per_char is not None else estimate.cost

    def _token_hostile(self) -> bool:
        """The engine failed its first few masked texts and kept none (a reference server, or an
        engine that eats ``[X1X]``): masked requests would only double the traffic."""
        return self.mask_failures >= MASK_GIVE_UP and not self.mask_successes

    def _send(self, batch: Batch) -> list[str]:
        """Worker side of a request; a masked-only batch is skipped once the engine proved token-hostile."""
        if batch.note.get("masked_only") and self._token_hostile():
            raise _SkipMasked("masked text not sent: the engine lost every masked text so far")
        return call_with_retry(self.engine, batch.items, batch.source, batch.target, self.retry, self.limiter,
                               self.abort, self.counter)

    def _on_result(self, batch: Batch, results: list[str]) -> None:
        self.failures_in_a_row = 0
        items = batch.items
        self.summary.characters += len(items[0].text) if len(items) == 1 else sum(len(item.text) for item in items)
        put, cache_args, waiting = self.cache.put, self.planner.cache_args, self.planner.waiting
        for key, result in zip(batch.keys, results):
            put(*cache_args(key[1], key[2]), result)
            for work, index in waiting.pop(key, ()):
                work.results[index] = result
                work.remaining -= 1
                if work.remaining == 0:
                    self._complete(work)

    def _on_error(self, batch: Batch, exc: BaseException) -> None:
        keys = batch.keys
        if isinstance(exc, _SkipMasked):
            self._drop(self._fall_back(keys, tried=False), None)
            return
        if isinstance(exc, Aborted):
            self._drop(keys, None)
            return
        if not isinstance(exc, EngineError):
            raise exc
        self._note_failure(exc)
        if isinstance(exc, (UntranslatedError, RejectedError)):
            keys = self._fall_back(keys)  # the masked text may be what the engine choked on
        # a malformed answer (not JSON, an error page, nothing) is the service failing, not a
        # token loss: the segment fails and the next run sends it masked again
        self._drop(keys, None if isinstance(exc, UnreachableError) else str(exc))

    def _fall_back(self, keys: list[Key], tried: bool = True) -> list[Key]:
        """Retry masked segments of failed (or skipped) requests unmasked; return the keys still failing."""
        left = []
        for key in keys:
            keep = []
            for work, index in self.planner.waiting.get(key, []):
                if work.unprotected or not work.masked.placeholders:
                    keep.append((work, index))
                elif not work.done:
                    self._retry_unmasked(work, tried)
            if keep:
                self.planner.waiting[key] = keep
                left.append(key)
            else:
                self.planner.waiting.pop(key, None)
        return left

    def _retry_unmasked(self, work: Work, tried: bool = True) -> None:
        work.done = True
        self.summary.masking_fallbacks += 1
        if tried and not self.summary.dry_run:
            self.mask_failures += 1
            self.cache.record_mask_failure(*self.planner.cache_args(work.cat.lang, work.masked.text))
        retry = self.planner.add(work.cat, work.entry, unprotected=True)
        if retry is not None and retry.remaining == 0:
            self._complete(retry)

    def _note_failure(self, exc: EngineError) -> None:
        """Stop the run when the engine is unreachable or keeps failing (a circuit breaker)."""
        if self.summary.fatal or isinstance(exc, Aborted):
            return
        if isinstance(exc, (TransientEngineError, RateLimitError)) or _malformed(exc):
            self.failures_in_a_row += 1
            if self.failures_in_a_row < self.breaker:
                return
            self.summary.fatal = f"{exc} ({self.failures_in_a_row} requests in a row failed; giving up)"
        elif isinstance(exc, UnreachableError):
            self.summary.fatal = str(exc)
        else:
            return
        self.abort.set()

    def _drop(self, keys: list[Key], reason: str | None) -> None:
        """Segments waiting on failed requests stay untranslated (reason None: not attempted)."""
        for key in keys:
            for work, _ in self.planner.waiting.pop(key, []):
                if work.done:
                    continue
                work.done = True
                if reason is None:
                    self.summary.not_attempted += 1
                else:
                    self.summary.failed.append(Failure(work.cat.lang, work.cat.slug, work.entry.msgid, reason))
                self._tick()

    # -- write ------------------------------------------------------------------
    def _complete(self, work: Work) -> None:
        if work.done:
            return
        results = work.results
        text = (str(results[0]) if len(results) == 1 else "".join(str(r) + s for r, s in zip(results, work.seps))).strip()
        masked = work.masked
        placeholders = masked.placeholders
        if placeholders:
            try:
                target: str | None = unmask(text, masked)
            except MaskError:
                target = None
            if target is None or _echoed(text, work):
                self._retry_unmasked(work)
                return
        else:
            target = text  # nothing was masked: unmask would hand the text back
        notes = self._term_notes(work, target or text)
        if notes is None:
            return  # re-requested with the glossary terms stressed
        work.done = True
        summary = self.summary
        if placeholders:
            self.mask_successes += has_words(strip_tokens(masked.text, masked.style))
            summary.terms_restored += masked.terms
        summary.translated += 1
        if work.all_cached and work.cache_hits > 0:
            summary.from_cache += 1
        self._write(work.cat, work.entry, target, self._stamp(work), FALLBACK_NOTE if work.unprotected else "", *notes)
        self._tick()

    def _stamp(self, work: Work) -> str:
        """``mt: <engine> <date>``; for a context engine also what it saw: ``context=… glossary=<hash>``."""
        if not self.engine.uses_context:
            return self.stamp
        terms = digest([t.as_dict() for t in work.terms]) if work.terms else "none"
        return f"{self.stamp} context={work.context} glossary={terms}"

    def _term_notes(self, work: Work, target: str) -> list[str] | None:
        """For an engine given the glossary: verify the approved renderings. A miss is re-requested
        once with the terms stressed; a second miss is written with a note for the reviewer."""
        if not self.engine.uses_glossary or not work.terms or not self.glossary:
            return []
        missing = check_translation(self.planner.terms_for(work.cat.lang), work.entry.msgid, target)
        if not missing:
            return []
        if not work.strict:
            work.done = True
            self.summary.term_retries += 1
            retry = self.planner.add(work.cat, work.entry, strict=True)
            if retry is not None and retry.remaining == 0:
                self._complete(retry)
            return None
        return [f"protect: glossary not followed: {v.message}" for v in missing]

    def _write(self, cat: Any, entry: Any, target: str, *provenance: str) -> bool:
        written = self.writer.write(cat, entry, target, *provenance)
        if written and provenance and provenance[0][:3] == "mt:":
            self.cache.record_fill(cat.lang, entry.msgctxt or "", entry.msgid, target)
        return written

    def _tick(self) -> None:
        self.finished += 1
        if self.progress is not None and self.total:
            self.progress(min(self.finished, self.total), self.total)
