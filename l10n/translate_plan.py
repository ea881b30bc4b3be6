"""The plan step of a translate run: what to send, in which requests.

Untranslated entries are filled from the translation memory first; the rest
become work items. Each item is masked as far as the engine needs
(:mod:`l10n.protect`), cut under its length limit, looked up in the MT cache,
and otherwise queued under a request key. For an engine without context the
key is the text itself, so the same sentence in two articles is sent once; for
a context engine it includes hashes of the context and the glossary terms, so
a sentence is translated anew where its surroundings differ. Queued keys are
grouped into batches as the engine declares (sentence / paragraph / article).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import polib

from .catalog import iter_entries, read_catalog
from .config import Config
from .engines import Engine
from .engines.base import has_words
from .engines.request import Example, MTRequest, TermHint
from .engines.runner import Batch, split_chunks
from .errors import CatalogError
from .glossary import Glossary
from .mtcache import MTCache
from .protect import Masked, mask, strip_tokens
from .translate_context import ArticleContext, article_context, make_request, term_hints
from .translate_summary import ArticlePlan, TranslateSummary
from .entrymeta import is_machine_fuzzy, set_fuzzy, set_provenance
from .translate_write import CatalogFile

Key = tuple[str, str, str]  # (source language, target language, request text [+ context and glossary hashes])
EXAMPLE_THRESHOLD = 60


@dataclass
class Work:
    """One catalogue entry on its way through the engine (in one or more chunks)."""

    cat: CatalogFile
    entry: polib.POEntry
    masked: Masked
    chunks: list[str]
    seps: list[str]
    results: list[str | None]
    remaining: int
    terms: tuple[TermHint, ...] = ()
    all_cached: bool = True
    cache_hits: int = 0
    done: bool = False
    unprotected: bool = False
    strict: bool = False  # re-requested because an approved glossary rendering was missing
    context: str = "sentence"  # what the engine saw around it: paragraph, neighbours or sentence


@dataclass
class Planner:
    config: Config
    engine: Engine
    glossary: Glossary
    cache: MTCache
    summary: TranslateSummary
    write: Callable[..., bool]
    stamp: str
    catalogs: list[CatalogFile] = field(default_factory=list)
    work: list[Work] = field(default_factory=list)
    waiting: dict[Key, list[tuple[Work, int]]] = field(default_factory=dict)
    items: dict[Key, MTRequest] = field(default_factory=dict)
    fresh: list[Key] = field(default_factory=list)
    contexts: dict[tuple[str, str], ArticleContext] = field(default_factory=dict)
    tm: Any = None
    next_id: int = 0

    def __post_init__(self) -> None:
        self.options = self.engine.options_key()
        self._by_lang: dict[str, Glossary] = {}

    def terms_for(self, lang: str) -> Glossary:
        """The glossary of one target language, looked up once per run (not once per entry:
        ``for_language`` scans every term to see whether any is language-specific)."""
        glossary = self._by_lang.get(lang)
        if glossary is None:
            glossary = self._by_lang[lang] = self.glossary.for_language(lang)
        return glossary

    # -- collecting work --------------------------------------------------
    def collect(self, langs: list[str], articles: Any, retranslate_fuzzy: bool, tm: Any, threshold: int) -> None:
        self.tm = tm
        for lang in langs:
            for slug, path in self._catalog_paths(lang, articles):
                cat = CatalogFile(lang, slug, path, read_catalog(path))
                cat.remember()
                self.catalogs.append(cat)
                for entry in self._todo(cat, retranslate_fuzzy):
                    if not self._from_tm(cat, entry, tm, threshold):
                        self.add(cat, entry)
        self.tm = None

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

    def _todo(self, cat: CatalogFile, retranslate_fuzzy: bool) -> list[polib.POEntry]:
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

    def _from_tm(self, cat: CatalogFile, entry: polib.POEntry, tm: Any, threshold: int) -> bool:
        if tm is None:
            return False
        suggestion = tm.pretranslate(entry.msgid, self.config.source_language, cat.lang,
                                     context=entry.msgctxt or "", threshold=threshold,
                                     glossary=self.terms_for(cat.lang))
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

    def add(self, cat: CatalogFile, entry: polib.POEntry, unprotected: bool = False, strict: bool = False) -> Work | None:
        """Queue ``entry`` (or fill it from the cache); None when nothing is to be sent."""
        source = entry.msgid
        engine = self.engine
        if not engine.machine:
            return None
        if not has_words(source):
            self.summary.copied += 1
            if not self.summary.dry_run:
                self.write(cat, entry, source, self.stamp.replace(engine.provenance(), "copy", 1))
            return None
        glossary = self.terms_for(cat.lang)  # this language pair's terms only
        masked = self._mask(source, unprotected, glossary)
        if masked.placeholders and self.cache.mask_failed(*self.cache_args(cat.lang, masked.text)):
            self.summary.masking_fallbacks += 1  # failed masked in an earlier run: do not resend it
            unprotected, masked = True, Masked(source, source, engine.token_style)
        terms = term_hints(glossary, source) if engine.uses_glossary else ()
        chunks, seps = split_chunks(masked.text, engine.max_chars)
        work = Work(cat, entry, masked, chunks, seps, [None] * len(chunks), len(chunks), terms,
                    unprotected=unprotected, strict=strict)
        self.work.append(work)
        for i, chunk in enumerate(chunks):
            request = self._request(work, chunk)
            if request.block >= 0:
                work.context = "paragraph"
            elif request.before or request.after:
                work.context = "neighbours"
            key = self._key(cat.lang, request)
            hit = chunk if not has_words(strip_tokens(chunk, masked.style)) else None  # nothing to translate
            if hit is None:
                hit = self.cache.get(*self.cache_args(cat.lang, key[2]))
                work.cache_hits += hit is not None
            if hit is not None:
                work.results[i], work.remaining = hit, work.remaining - 1
                continue
            work.all_cached = False
            queued = self.waiting.get(key)
            if queued is None:
                queued = self.waiting[key] = []
                self.items[key] = request
                self.fresh.append(key)
            queued.append((work, i))
        return work

    def _mask(self, source: str, unprotected: bool, glossary: Glossary) -> Masked:
        engine = self.engine
        if unprotected or engine.protect == "none":
            return Masked(source, source, engine.token_style)
        return mask(source, None if engine.uses_glossary or engine.protect == "markup" else glossary,
                    engine.token_style)

    def _request(self, work: Work, text: str) -> MTRequest:
        self.next_id += 1
        rid = str(self.next_id)
        if not self.engine.uses_context and not self.engine.uses_glossary:
            return MTRequest.plain(rid, text, work.entry.msgctxt or "")
        ctx = self._context(work.cat)
        request = make_request(ctx, work.entry, text, rid, self.engine.context_sentences, work.terms,
                               self._examples(work))
        return replace(request, strict=True) if work.strict else request

    def _context(self, cat: CatalogFile) -> ArticleContext:
        key = (cat.lang, cat.slug)
        if key not in self.contexts:
            self.contexts[key] = article_context(self.config, cat.slug, cat.po)
        return self.contexts[key]

    def _examples(self, work: Work) -> tuple[Example, ...]:
        if not self.engine.examples or self.tm is None:
            return ()
        matches = self.tm.lookup(work.entry.msgid, self.config.source_language, work.cat.lang,
                                 limit=self.engine.examples, threshold=EXAMPLE_THRESHOLD)
        return tuple(Example(m.source, m.target, m.score) for m in matches if m.source != work.entry.msgid)

    def _key(self, lang: str, request: MTRequest) -> Key:
        text = request.text
        if self.engine.uses_context or self.engine.uses_glossary:
            text = "\x1f".join((text, "ctx=" + request.context_hash(), "glossary=" + request.glossary_hash(),
                                "strict" if request.strict else ""))
        return (self.config.source_language, lang, text)

    def cache_args(self, lang: str, text: str) -> tuple[str, str, str, str, str]:
        return (self.engine.name, self.config.source_language, lang, self.options, text)

    # -- batching -----------------------------------------------------------
    def batches(self) -> list[Batch]:
        """Batches for every key queued since the last call, grouped as the engine allows.

        With the paragraph unit a batch never crosses a paragraph. With the article unit small
        articles are packed whole into a batch while they fit; a larger one fills the batch and
        continues in the next, whose requests carry the sentences before the cut as context.
        """
        fresh, self.fresh = self.fresh, []
        waiting, items, unit_of = self.waiting, self.items, self._unit
        groups: dict[tuple, dict[tuple, list[Key]]] = {}
        for key in fresh:
            if key in waiting:
                pair = key[:2]
                units = groups.get(pair)
                if units is None:
                    units = groups[pair] = {}
                unit = unit_of(items[key])
                keys = units.get(unit)
                if keys is None:
                    units[unit] = [key]
                else:
                    keys.append(key)
        size = max(1, self.engine.batch_size)
        return self._singles(groups) if size == 1 else self._pack(groups, size, self.engine.max_batch_chars)

    def _singles(self, groups: dict[tuple, dict[tuple, list[Key]]]) -> list[Batch]:
        """What :meth:`_pack` gives for one segment per request (any unit, any limit), without its
        tests: each key its own batch, in the same order (Hypothesis-held equal)."""
        out: list[Batch] = []
        for (source, target), units in groups.items():
            for keys in units.values():
                out.extend(self._batch((key,), source, target) for key in keys)
        return out

    def _pack(self, groups: dict[tuple, dict[tuple, list[Key]]], size: int, limit: int) -> list[Batch]:
        """Fill batches of up to ``size`` keys (and ``limit`` characters) unit by unit."""
        out: list[Batch] = []
        for (source, target), units in groups.items():
            current: list[Key] = []
            chars = 0
            for unit, keys in units.items():
                unit_chars = sum(len(self.items[k].text) for k in keys)
                alone = unit and unit[0] == "strict"
                small = len(keys) <= max(1, size // 5)  # kept whole; a larger one fills the batch and goes on
                own = alone or self.engine.batch_unit == "paragraph"  # a paragraph is one request (DeepL context)
                if current and (own or (small and (len(current) + len(keys) > size
                                                  or (limit and chars + unit_chars > limit)))):
                    out.append(self._batch(current, source, target))
                    current, chars = [], 0
                for key in keys:
                    n = len(self.items[key].text)
                    if current and (len(current) >= size or (limit and chars + n > limit)):
                        out.append(self._batch(current, source, target))
                        current, chars = [], 0
                    current.append(key)
                    chars += n
                if alone:
                    out.append(self._batch(current, source, target))
                    current, chars = [], 0
            if current:
                out.append(self._batch(current, source, target))
        return out

    def _unit(self, request: MTRequest) -> tuple:
        if request.strict:
            return ("strict", request.id)  # a glossary re-request goes alone
        unit = self.engine.batch_unit
        if unit == "article":
            return (request.article,)
        if unit == "paragraph":
            return (request.article, request.block)
        return ()

    def _batch(self, keys: list[Key] | tuple[Key, ...], source: str, target: str) -> Batch:
        items = self.items
        masked_only = True
        for key in keys:  # plain loops: this runs once per request of a run
            if not self._masked_only(key):
                masked_only = False
                break
        return Batch(list(keys), [items[k] for k in keys], source, target, 0, {"masked_only": masked_only})

    def _masked_only(self, key: Key) -> bool:
        """Every entry waiting on ``key`` sends it masked (none unprotected)."""
        for work, _ in self.waiting.get(key, ()):
            if not work.masked.placeholders or work.unprotected:
                return False
        return True

    # -- dry run --------------------------------------------------------------
    def estimate(self, cost_per_char: float | None) -> list[ArticlePlan]:
        """Per-article segments, characters, requests, tokens and cost of what a run would send."""
        plans = {(c.lang, c.slug): ArticlePlan(c.lang, c.slug) for c in self.catalogs}
        for work in self.work:
            plan = plans[(work.cat.lang, work.cat.slug)]
            if work.remaining == 0:
                plan.cached += 1
            else:
                plan.segments += 1
        for batch in self.batches():
            first = self.waiting[batch.keys[0]][0][0]
            plan = plans[(first.cat.lang, first.cat.slug)]
            estimate = self.engine.estimate(batch.items)
            plan.requests += 1
            plan.characters += estimate.characters
            plan.prompt_characters += estimate.prompt_characters
            plan.input_tokens += estimate.input_tokens
            plan.output_tokens += estimate.output_tokens
            plan.cost += estimate.characters * cost_per_char if cost_per_char is not None else estimate.cost
        return list(plans.values())
