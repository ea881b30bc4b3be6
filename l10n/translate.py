"""``l10n translate``: fill untranslated catalogue entries from the TM, then by MT.

For each untranslated entry the translation memory is asked first; the rest
is masked (:mod:`l10n.protect`), cut under the engine's length limit, looked
up in the MT cache and otherwise sent on a thread pool with a per-engine
worker limit, a rate limit, timeouts and retries (:mod:`l10n.engines.runner`).
Results are written into the catalogues as they arrive, atomically and in
batches, so an interrupted run loses at most the last few seconds and the
next run resumes. Machine output is always ``fuzzy`` with ``#. mt: <engine>
<date>``; non-fuzzy entries are never touched.
"""

from __future__ import annotations

import concurrent.futures as cf
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

import polib

from .catalog import absorb_outside_edits, entry_key, entry_state, file_stamp, iter_entries, read_catalog, write_catalog
from .config import Config
from .entrymeta import is_machine_fuzzy, set_fuzzy, set_provenance
from .engines import Engine, get_engine
from .engines.base import (GarbageResultError, RejectedError, TransientEngineError, UnreachableError,
                           UntranslatedError, has_words)
from .engines.runner import Aborted, RateLimiter, RequestCounter, RetryPolicy, call_with_retry, split_chunks
from .errors import CatalogError, EngineError, RateLimitError
from .glossary import load_project_glossary
from .invariant import is_invariant
from .memory import TranslationMemory, memory_threshold, open_memory
from .mtcache import DEFAULT_PATH, MTCache
from .protect import Masked, MaskError, mask, strip_tokens, unmask

FALLBACK_NOTE = "protect: engine lost placeholders; sent unprotected, check glossary terms"
MASK_GIVE_UP = 3  # masked texts failed in a row, none succeeded: the engine cannot keep tokens this run
Progress = Callable[[int, int], None]


class _SkipMasked(EngineError):
    """A masked request not sent because the engine cannot keep tokens (the segment goes unmasked)."""


@dataclass
class Failure:
    lang: str
    slug: str
    msgid: str
    reason: str


@dataclass
class ArticlePlan:
    """What a run would send for one article (``--dry-run``)."""

    lang: str
    slug: str
    segments: int = 0
    characters: int = 0
    cost: float = 0.0
    from_tm: int = 0
    cached: int = 0


@dataclass
class TranslateSummary:
    """Counts of one run. ``translated`` includes entries filled from the MT cache."""

    engine: str
    dry_run: bool = False
    translated: int = 0
    from_tm: int = 0
    from_cache: int = 0
    copied: int = 0
    terms_restored: int = 0
    masking_fallbacks: int = 0
    requests: int = 0
    characters: int = 0
    not_attempted: int = 0
    failed: list[Failure] = field(default_factory=list)
    plans: list[ArticlePlan] = field(default_factory=list)
    fatal: str = ""

    @property
    def estimated_cost(self) -> float:
        return sum(p.cost for p in self.plans)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["estimated_cost"] = round(self.estimated_cost, 4)
        return data

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """Human summary: one line per article for a dry run, else totals plus one line per failure."""
        if self.dry_run:
            out = [f"{p.lang}/{p.slug}: {p.segments} segments, {p.characters} characters to send"
                   + (f", about {p.cost:.4f} USD" if p.cost else "")
                   + (f" ({p.from_tm} from TM, {p.cached} cached)" if p.from_tm or p.cached else "")
                   for p in self.plans]
            total = sum(p.characters for p in self.plans)
            out.append(f"{self.engine}: {sum(p.segments for p in self.plans)} segments, {total} characters"
                       + (f", estimated cost {self.estimated_cost:.4f} USD" if self.estimated_cost else ""))
            return out
        out = [f"{self.engine}: {self.translated} translated ({self.from_cache} from cache), {self.from_tm} from TM, "
               f"{len(self.failed)} failed, {self.terms_restored} protected terms restored, "
               f"{self.masking_fallbacks} masking fallbacks, {self.requests} requests"]
        out += [f"failed: {f.lang}/{f.slug}: {_short(f.msgid)}: {f.reason}" for f in self.failed]
        if self.not_attempted:
            out.append(f"{self.not_attempted} segments not attempted (left untranslated for a later run)")
        return out


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class _Catalog:
    lang: str
    slug: str
    path: Path
    po: polib.POFile
    dirty: bool = False
    stamp: tuple[int, int] | None = None  # the file as we last read or wrote it
    snapshot: dict[tuple[str, str], tuple] = field(default_factory=dict)
    taken: set[tuple[str, str]] = field(default_factory=set)  # entries a person edited during the run

    def remember(self) -> None:
        self.stamp = file_stamp(self.path)
        self.snapshot = {entry_key(e): entry_state(e) for e in self.po if not e.obsolete}


@dataclass
class _Segment:
    cat: _Catalog
    entry: polib.POEntry
    masked: Masked
    chunks: list[str]
    seps: list[str]
    results: list[str | None]
    remaining: int
    all_cached: bool = True
    cache_hits: int = 0
    done: bool = False
    unprotected: bool = False


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
    flush_every: int = 20,
    flush_interval: float = 2.0,
    cache_path: Path | None | bool = True,
) -> TranslateSummary:
    """Translate every untranslated entry of the chosen languages and articles.

    Raises EngineError at the end (after writing everything that succeeded)
    when the engine could not be reached; the summary is on ``exc.summary``.
    """
    settings = config.section("translate")
    mt = _make_engine(engine or settings.get("engine"), settings, engine_url, timeout)
    run = _Run(config, mt, settings, workers, rate_limit, retry, flush_every, flush_interval)
    run.summary.dry_run = dry_run
    run.cache = _open_cache(config, settings, cache_path)
    try:
        run.collect(config.languages(lang), articles, retranslate_fuzzy)
        if dry_run:
            run.plan()
        else:
            run.execute(progress)
    finally:
        run.cache.close()
    if run.summary.fatal:
        error = EngineError(run.summary.fatal)
        error.summary = run.summary  # type: ignore[attr-defined]
        raise error
    return run.summary


def _make_engine(name: str | Engine | None, settings: dict[str, Any], url: str | None, timeout: float | None) -> Engine:
    if isinstance(name, Engine):
        return name
    if not name:
        raise EngineError("no engine chosen; pass --engine NAME or set [translate] engine in l10n.toml")
    options = {k: settings[k] for k in ("email", "region") if k in settings}
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
    return open_memory(config), memory_threshold(config)


def _echoed(result: str, masked: Masked) -> bool:
    """The engine sent the masked text back untouched although it holds words to translate
    (names and numbers around the tokens rightly stay as they are)."""
    rest = strip_tokens(masked.text, masked.style)
    words = [w for w in rest.split() if sum(c.isalpha() for c in w) >= 2]
    return result.strip() == masked.text.strip() and len(words) >= 2 and not is_invariant(rest)



def _malformed(exc: EngineError) -> bool:
    """The service answered with something that is not a translation at all (an outage symptom)."""
    return isinstance(exc, GarbageResultError) and not isinstance(exc, UntranslatedError)


class _Run:
    """State of one translate run: catalogues, segments, in-flight requests, writer."""

    def __init__(self, config: Config, engine: Engine, settings: dict[str, Any], workers: int | None,
                 rate_limit: float | None, retry: RetryPolicy | None, flush_every: int, flush_interval: float) -> None:
        self.config, self.engine = config, engine
        self.summary = TranslateSummary(engine.name)
        self.workers = max(1, int(workers or settings.get("workers") or engine.default_workers))
        rate = rate_limit if rate_limit is not None else settings.get("rate_limit", engine.default_rate_limit)
        self.limiter = RateLimiter(float(rate) if rate else None)
        self.retry = retry or RetryPolicy(retries=int(settings.get("retries", 4)))
        cost = settings.get("cost_per_million", engine.cost_per_million_chars)
        self.cost_per_char = float(cost or 0) / 1_000_000
        self.flush_every, self.flush_interval = flush_every, flush_interval
        self.glossary = load_project_glossary(config)
        self.cache: MTCache = MTCache(None)
        self.catalogs: list[_Catalog] = []
        self.segments: list[_Segment] = []
        self.waiting: dict[tuple[str, str, str], list[tuple[_Segment, int]]] = {}
        self.abort = threading.Event()
        self.counter = RequestCounter()
        self.stamp = f"mt: {engine.name} {date.today().isoformat()}"
        self.unflushed = 0
        self.last_flush = time.monotonic()
        self.finished = 0
        self.total = 0
        self.progress: Progress | None = None
        self.failures_in_a_row = 0
        self.solo: set[tuple[str, str, str]] = set()  # keys to send alone after a batch failed
        self.breaker = max(5, self.workers)
        self.mask_failures = 0  # masked requests the engine failed (lost tokens, echoed, rejected)
        self.mask_successes = 0

    # -- collecting work --------------------------------------------------
    def collect(self, langs: list[str], articles: Any, retranslate_fuzzy: bool) -> None:
        tm, threshold = _open_tm(self.config)
        try:
            for lang in langs:
                for slug, path in self._catalog_paths(lang, articles):
                    cat = _Catalog(lang, slug, path, read_catalog(path))
                    cat.remember()
                    self.catalogs.append(cat)
                    for entry in self._todo(cat, retranslate_fuzzy):
                        if not self._from_tm(cat, entry, tm, threshold):
                            self._add_segment(cat, entry)
        finally:
            if tm is not None:
                tm.close()

    def _catalog_paths(self, lang: str, articles: Any) -> list[tuple[str, Path]]:
        folder = self.config.locales_dir / lang / "LC_MESSAGES"
        if articles:
            slugs = [Path(a).stem if a.endswith((".po", ".md", ".txt")) else Path(a).name for a in articles]
            found = [(s, self.config.po_path(lang, s)) for s in slugs]
            for slug, path in found:
                if not path.is_file():
                    raise CatalogError(f"no catalogue for article {slug!r} (run 'l10n update' first)", path)
            return found
        return [(p.stem, p) for p in sorted(folder.glob("*.po"))]

    def _todo(self, cat: _Catalog, retranslate_fuzzy: bool) -> list[polib.POEntry]:
        todo = []
        for entry in iter_entries(cat.po):
            if not entry.msgid or entry.msgid_plural:
                continue
            if not entry.msgstr:
                todo.append(entry)
            elif retranslate_fuzzy and is_machine_fuzzy(entry) and self.cache.was_filled(
                cat.lang, entry.msgctxt or "", entry.msgid, entry.msgstr
            ):
                todo.append(entry)
        return todo

    def _from_tm(self, cat: _Catalog, entry: polib.POEntry, tm: Any, threshold: int) -> bool:
        if tm is None:
            return False
        suggestion = tm.pretranslate(entry.msgid, self.config.source_language, cat.lang,
                                     context=entry.msgctxt or "", threshold=threshold, glossary=self.glossary)
        if suggestion is None or not suggestion.target:
            return False
        self.summary.from_tm += 1
        if self.summary.dry_run:
            return True
        entry.msgstr = suggestion.target
        set_fuzzy(entry, not suggestion.exact)
        set_provenance(entry, suggestion.comment)
        cat.dirty = True
        return True

    def _add_segment(self, cat: _Catalog, entry: polib.POEntry, unprotected: bool = False) -> _Segment | None:
        source = entry.msgid
        if not self.engine.machine:
            return None
        if not has_words(source):
            self.summary.copied += 1
            if not self.summary.dry_run:
                self._write(cat, entry, source, self.stamp.replace(self.engine.name, "copy", 1))
            return None
        masked = Masked(source, source, self.engine.token_style) if unprotected else \
            mask(source, self.glossary, self.engine.token_style)
        if masked.placeholders and self.cache.mask_failed(*self._cache_args(cat.lang, masked.text)):
            self.summary.masking_fallbacks += 1  # failed masked in an earlier run: do not resend it
            unprotected, masked = True, Masked(source, source, self.engine.token_style)
        chunks, seps = split_chunks(masked.text, self.engine.max_chars)
        seg = _Segment(cat, entry, masked, chunks, seps, [None] * len(chunks), len(chunks), unprotected=unprotected)
        self.segments.append(seg)
        for i, chunk in enumerate(chunks):
            hit = chunk if not has_words(strip_tokens(chunk, masked.style)) else None  # nothing to translate
            if hit is None:
                hit = self.cache.get(*self._cache_args(cat.lang, chunk))
                seg.cache_hits += hit is not None
            if hit is not None:
                seg.results[i], seg.remaining = hit, seg.remaining - 1
            else:
                seg.all_cached = False
                self.waiting.setdefault((self.config.source_language, cat.lang, chunk), []).append((seg, i))
        return seg

    def _cache_args(self, lang: str, text: str) -> tuple[str, str, str, str, str]:
        return (self.engine.name, self.config.source_language, lang, self.engine.options_key(), text)

    # -- dry run ------------------------------------------------------------
    def plan(self) -> None:
        plans: dict[tuple[str, str], ArticlePlan] = {
            (c.lang, c.slug): ArticlePlan(c.lang, c.slug) for c in self.catalogs
        }
        for seg in self.segments:
            plan = plans[(seg.cat.lang, seg.cat.slug)]
            if seg.remaining == 0:
                plan.cached += 1
                continue
            plan.segments += 1
        counted: set[tuple[str, str, str]] = set()
        for key, waiters in self.waiting.items():
            if key not in counted:
                counted.add(key)
                seg = waiters[0][0]
                plans[(seg.cat.lang, seg.cat.slug)].characters += len(key[2])
        for plan in plans.values():
            plan.cost = plan.characters * self.cost_per_char
        self.summary.plans = list(plans.values())
        self.summary.characters = sum(p.characters for p in self.summary.plans)

    # -- executing ----------------------------------------------------------
    def execute(self, progress: Progress | None) -> None:
        self.progress = progress
        self.total = len(self.segments)
        for seg in [s for s in self.segments if s.remaining == 0]:
            self._complete(seg)
        pending: dict[cf.Future, list[tuple[str, str, str]]] = {}
        pool = cf.ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix=f"l10n-{self.engine.name}")
        try:
            self._submit_waiting(pool, pending)
            while pending:
                done, _ = cf.wait(pending, timeout=self.flush_interval, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    self._handle(future, pending.pop(future))
                self._submit_waiting(pool, pending)
                self._maybe_flush()
        except BaseException:
            self.abort.set()
            raise
        finally:
            pool.shutdown(wait=not self.abort.is_set(), cancel_futures=True)
            self.summary.requests = self.counter.value
            self.flush(force=True)

    def _submit_waiting(self, pool: cf.ThreadPoolExecutor, pending: dict[cf.Future, list]) -> None:
        in_flight = {key for keys in pending.values() for key in keys}
        fresh = [key for key in self.waiting if key not in in_flight]
        if self.abort.is_set():
            self._drop(fresh, None)
            return
        by_pair: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for key in fresh:
            by_pair.setdefault(key[:2], []).append(key)
        size = max(1, self.engine.batch_size)
        for (source, target), keys in by_pair.items():
            solo = [k for k in keys if k in self.solo]
            keys = [k for k in keys if k not in self.solo]
            batches = [keys[start : start + size] for start in range(0, len(keys), size)] + [[k] for k in solo]
            for batch in batches:
                texts = [k[2] for k in batch]
                masked_only = all(self._masked_only(k) for k in batch)
                future = pool.submit(self._send, texts, source, target, masked_only)
                pending[future] = batch

    def _masked_only(self, key: tuple[str, str, str]) -> bool:
        return all(seg.masked.placeholders and not seg.unprotected for seg, _ in self.waiting.get(key, []))

    def _token_hostile(self) -> bool:
        """The engine failed its first few masked texts and kept none (a reference server, or an
        engine that eats ``[X1X]``): masked requests would only double the traffic."""
        return self.mask_failures >= MASK_GIVE_UP and not self.mask_successes

    def _send(self, texts: list[str], source: str, target: str, masked_only: bool) -> list[str]:
        """Worker side of a request; a masked-only batch is skipped once the engine proved token-hostile."""
        if masked_only and self._token_hostile():
            raise _SkipMasked("masked text not sent: the engine lost every masked text so far")
        return call_with_retry(self.engine, texts, source, target, self.retry, self.limiter, self.abort, self.counter)

    def _handle(self, future: cf.Future, keys: list[tuple[str, str, str]]) -> None:
        try:
            results = future.result()
        except _SkipMasked:
            self._drop(self._fall_back(keys, tried=False), None)
            return
        except Aborted:
            self._drop(keys, None)
            return
        except EngineError as exc:
            if isinstance(exc, (GarbageResultError, RejectedError)) and len(keys) > 1:
                self.solo.update(keys)  # one bad text must not sink its batch: resend one by one
                return
            self._note_failure(exc)
            if isinstance(exc, (UntranslatedError, RejectedError)):
                keys = self._fall_back(keys)  # the masked text may be what the engine choked on
            # a malformed answer (not JSON, an error page, nothing) is the service failing, not a
            # token loss: the segment fails and the next run sends it masked again
            self._drop(keys, None if isinstance(exc, UnreachableError) else str(exc))
            return
        self.failures_in_a_row = 0
        for key, result in zip(keys, results):
            self.summary.characters += len(key[2])
            self.cache.put(*self._cache_args(key[1], key[2]), result)
            for seg, index in self.waiting.pop(key, []):
                seg.results[index] = result
                seg.remaining -= 1
                if seg.remaining == 0:
                    self._complete(seg)

    def _fall_back(self, keys: list[tuple[str, str, str]], tried: bool = True) -> list[tuple[str, str, str]]:
        """Retry masked segments of failed (or skipped) requests unmasked; return the keys still failing."""
        left = []
        for key in keys:
            keep = []
            for seg, index in self.waiting.get(key, []):
                if seg.unprotected or not seg.masked.placeholders:
                    keep.append((seg, index))
                elif not seg.done:
                    self._retry_unmasked(seg, tried)
            if keep:
                self.waiting[key] = keep
                left.append(key)
            else:
                self.waiting.pop(key, None)
        return left

    def _retry_unmasked(self, seg: _Segment, tried: bool = True) -> None:
        seg.done = True
        self.summary.masking_fallbacks += 1
        if tried and not self.summary.dry_run:
            self.mask_failures += 1
            self.cache.record_mask_failure(*self._cache_args(seg.cat.lang, seg.masked.text))
        retry = self._add_segment(seg.cat, seg.entry, unprotected=True)
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

    def _drop(self, keys: list[tuple[str, str, str]], reason: str | None) -> None:
        """Segments waiting on failed requests stay untranslated (reason None: not attempted)."""
        for key in keys:
            for seg, _ in self.waiting.pop(key, []):
                if seg.done:
                    continue
                seg.done = True
                if reason is None:
                    self.summary.not_attempted += 1
                else:
                    self.summary.failed.append(Failure(seg.cat.lang, seg.cat.slug, seg.entry.msgid, reason))
                self._tick()

    def _complete(self, seg: _Segment) -> None:
        if seg.done:
            return
        text = "".join(str(r) + s for r, s in zip(seg.results, seg.seps)).strip()
        try:
            target = unmask(text, seg.masked)
        except MaskError:
            target = None
        if seg.masked.placeholders and (target is None or _echoed(text, seg.masked)):
            self._retry_unmasked(seg)
            return
        seg.done = True
        self.mask_successes += bool(seg.masked.placeholders) and has_words(strip_tokens(seg.masked.text, seg.masked.style))
        self.summary.translated += 1
        self.summary.from_cache += int(seg.all_cached and seg.cache_hits > 0)
        self.summary.terms_restored += seg.masked.terms
        self._write(seg.cat, seg.entry, target, self.stamp, FALLBACK_NOTE if seg.unprotected else "")
        self._tick()

    def _write(self, cat: _Catalog, entry: polib.POEntry, target: str, *provenance: str) -> None:
        if entry_key(entry) in cat.taken:
            return  # someone translated it while we waited for the engine
        entry.msgstr = target
        set_fuzzy(entry)
        entry.previous_msgid = entry.previous_msgctxt = None
        set_provenance(entry, *provenance)
        cat.dirty = True
        self.unflushed += 1
        if provenance and provenance[0].startswith("mt:"):
            self.cache.record_fill(cat.lang, entry.msgctxt or "", entry.msgid, target)

    def _tick(self) -> None:
        self.finished += 1
        if self.progress is not None and self.total:
            self.progress(min(self.finished, self.total), self.total)

    # -- writing ------------------------------------------------------------
    def _maybe_flush(self) -> None:
        due = time.monotonic() - self.last_flush >= self.flush_interval
        if self.unflushed >= self.flush_every or (due and self.unflushed):
            self.flush()

    def flush(self, force: bool = False) -> None:
        """Write every changed catalogue atomically (temporary file + rename)."""
        if self.summary.dry_run:
            return
        for cat in self.catalogs:
            if cat.dirty:
                if file_stamp(cat.path) != cat.stamp:  # edited meanwhile: never overwrite a person's work
                    cat.taken |= absorb_outside_edits(cat.po, cat.path, cat.snapshot)
                write_catalog(cat.po, cat.path)
                cat.remember()
                cat.dirty = False
        self.unflushed = 0
        self.last_flush = time.monotonic()
