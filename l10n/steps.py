"""The steps of one article — extract, update, translation memory, build — with content stamps.

One :class:`ArticleWork` carries an article through the steps a command asks for and
hands each step the catalogue the previous step made, so a run parses every
catalogue at most once and writes it at most once. Each step first compares the
stamp of its inputs and the hashes of its outputs with the record of its last run
(:mod:`l10n.state`) and does nothing when both match.

The same code runs twice: in the parent as a dry check (hashes from the state's
cache, nothing read; it only answers "is all of this article fresh?") and in a worker
for the articles that are not, where it reads, computes and writes. The dry check is
the whole of a no-op run, so it works on relative path strings and imports nothing
heavy: polib, the segmenter and rapidfuzz are loaded only by a step that does work.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AssemblyError, CatalogError
from .fsutil import child, digest
from .results import BuildResult, BuildStats, ExtractResult, MergeStats, UpdateResult
from .state import (BuildOptions, FileSeen, Record, RunState, build_stamp, extract_stamp, is_fresh_record,
                    memory_stamp, seen_bytes, update_stamp)

if TYPE_CHECKING:
    import polib

    from .article import Article
    from .config import Config
    from .extract import Segment
    from .memory import Unit

STEPS = ("extract", "update", "tm", "build")
_POT_DATE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.M)


class Stale(Exception):
    """Raised in a dry check: this article has work to do."""


@dataclass
class Job:
    """What a worker needs for one article (picklable, small)."""

    slug: str
    article: Path | None  # None: a catalogue without an article (memory step only)
    langs: list[str]
    steps: frozenset[str]
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    build: BuildOptions = BuildOptions()
    generation: str | None = None  # the memory's generation; None: no memory step


@dataclass
class Outcome:
    """What happened to one article: results to report, units to store, stamps to save."""

    slug: str
    extracted: ExtractResult | None = None
    updated: list[UpdateResult] = field(default_factory=list)
    built: list[BuildResult] = field(default_factory=list)
    units: dict[str, list[Unit]] = field(default_factory=dict)
    memory_records: dict[str, Record] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    files: list[FileSeen] = field(default_factory=list)
    pending: dict[str, int] = field(default_factory=dict)  # language → entries without a translation


def step_names(slug: str, langs: list[str], options: BuildOptions) -> list[str]:
    """Every record name one article can have."""
    names = [f"extract:{slug}"]
    for lang in langs:
        names += [f"update:{lang}:{slug}", f"tm:{lang}:{slug}", f"build:{lang}:{slug}:{options.fmt}"]
    return names


class Layout:
    """The project's folders as path strings relative to its root (cheap to join, unlike Path)."""

    _cache: dict[tuple, Layout] = {}

    def __init__(self, config: Config) -> None:
        from .fsutil import relative_to

        self.root = str(config.root)
        self.source = relative_to(config.source_dir, config.root)
        self.templates = relative_to(config.templates_dir, config.root)
        self.locales = relative_to(config.locales_dir, config.root)
        self.build = relative_to(config.build_dir, config.root)
        self._folders: dict[str, Path] = {}

    @classmethod
    def of(cls, config: Config) -> Layout:
        key = (str(config.root), config.source_dir, config.locales_dir, config.build_dir)
        if key not in cls._cache:
            cls._cache[key] = cls(config)
        return cls._cache[key]

    def path(self, rel: str) -> Path:
        """The file at ``rel`` as a Path: its folder's Path made once, the name joined to it
        (parsing each full path again was a third of a no-op run's checks)."""
        folder, _, name = rel.rpartition("/")
        base = self._folders.get(folder)
        if base is None:
            base = self._folders[folder] = Path(os.path.join(self.root, folder))
        return child(base, name) if name else base

    def pot(self, slug: str) -> str:
        return f"{self.templates}/{slug}.pot"

    def po(self, lang: str, slug: str) -> str:
        return f"{self.locales}/{lang}/LC_MESSAGES/{slug}.po"

    def output(self, article: Path, lang: str, fmt: str) -> str:
        suffix = article.suffix if fmt == "md" and article.suffix == ".txt" else f".{fmt}"
        return f"{self.build}/{lang}/{article.stem}{suffix}"


def build_path(config: Config, article: Path, lang: str, fmt: str) -> Path:
    layout = Layout.of(config)
    return layout.path(layout.output(article, lang, fmt))


def _same_entries_text(pot: polib.POFile, po: polib.POFile, texts: list[str] | None) -> bool:
    """Whether ``texts`` (the template's rendered entries) are also the new catalogue's: a
    template entry with no translation, translator comment, previous text or plural renders
    the same as the entry :func:`l10n.merge.merge_catalog` makes from it."""
    if texts is None or len(texts) != len(pot) or len(po) != len(pot) or po.wrapwidth != pot.wrapwidth:
        return False
    return all(not e.obsolete and not e.msgstr and not e.tcomment and not e.msgid_plural and not e.msgstr_plural
               and e.previous_msgid is None and e.previous_msgctxt is None and e.previous_msgid_plural is None
               for e in pot)


def pending_entries(po: polib.POFile) -> int:
    """Entries machine translation would fill: active, singular, no translation yet."""
    return sum(1 for e in po if not e.obsolete and e.msgid and not e.msgid_plural and not e.msgstr)


class ArticleWork:
    """One article on its way through the steps of ``job``."""

    def __init__(self, config: Config, job: Job, state: RunState | None = None, layout: Layout | None = None) -> None:
        self.config, self.job = config, job
        self.state = state  # set: a dry check against the state's hash cache
        self.layout = layout or Layout.of(config)
        self.out = Outcome(job.slug)
        self._bytes: dict[str, bytes | None] = {}
        self._hashes: dict[str, str | None] = {}  # dry check: each file looked at once
        self._article: Article | None = None
        self._own_article = False  # read here from the file's bytes (not handed in)
        self._segments: list[Segment] | None = None
        self._pot: polib.POFile | None = None
        self._pot_entries: list[str] | None = None  # the texts of the template's entries, as written
        self._po: dict[str, polib.POFile] = {}
        article = job.article
        self.article_rel = f"{self.layout.source}/{article.name}" if article is not None else ""

    @property
    def dry(self) -> bool:
        return self.state is not None

    # -- files (relative path strings) ---------------------------------------------------
    def _data(self, rel: str) -> bytes | None:
        if rel not in self._bytes:
            path = self.layout.path(rel)
            try:
                data = path.read_bytes()
            except OSError:
                data = None
            self._bytes[rel] = data
            self.out.files.append(seen_bytes(path, rel, data))
        return self._bytes[rel]

    def _hash(self, rel: str) -> str | None:
        if self.state is not None:
            if rel not in self._hashes:
                self._hashes[rel] = self.state.file_hash(rel)
            return self._hashes[rel]
        data = self._data(rel)
        return None if data is None else digest(data)

    def _wrote(self, rel: str, data: bytes | None = None) -> str | None:
        """Forget what we knew of ``rel`` after writing it; its hash as it is now on disk.
        ``data``: the bytes just written, so the file need not be read back."""
        self._bytes.pop(rel, None)
        if data is None or self.dry:
            return self._hash(rel)
        self._bytes[rel] = data
        self.out.files.append(seen_bytes(self.layout.path(rel), rel, data))
        return digest(data)

    def _fresh(self, name: str, inputs: str, outputs: dict[str, str | None]) -> bool:
        if is_fresh_record(self.job.records.get(name), inputs, outputs):
            return True
        if self.dry:
            raise Stale(name)
        return False

    def _info(self, name: str) -> dict[str, Any]:
        return dict((self.job.records.get(name) or {}).get("info", {}))

    # -- shared inputs ---------------------------------------------------------------------
    def article(self) -> Article:
        from .article import read_article

        if self._article is None:
            assert self.job.article is not None
            self._article = read_article(self.job.article, self._data(self.article_rel))
            self._own_article = True
        return self._article

    def segments(self, load: bool = True) -> list[Segment]:
        """The article's segments: from the cache a previous command left when it still fits the
        article (``load``), else segmented. What is segmented is kept for the next command only
        when this one does not build (a separate ``l10n extract``) or when a build found no
        cache: a run that extracts and builds uses them in memory, and storing a thousand
        caches cost more than segmenting the few articles a later build needs again."""
        from . import segcache

        if self._segments is None:
            lang = self.config.source_language
            cached = self._article is None or self._own_article  # one handed in may not be the file's bytes
            data = self._data(self.article_rel) if cached else None
            wanted = segcache.key(self.article_rel, digest(data), lang) if data is not None else ""
            root = Path(self.layout.root)
            self._segments = segcache.load(root, self.job.slug, wanted) if wanted and load else None
            if self._segments is None:
                from .extract import article_segments

                self._segments = article_segments(self.article(), lang)
                if wanted and (load or "build" not in self.job.steps):
                    segcache.store(root, self.job.slug, wanted, self._segments)
        return self._segments

    def template(self) -> polib.POFile:
        from .catalog import read_catalog

        if self._pot is None:
            self._pot = read_catalog(self.layout.path(self.layout.pot(self.job.slug)))
        return self._pot

    def catalog(self, lang: str) -> polib.POFile:
        from .catalog import read_catalog

        if lang not in self._po:
            self._po[lang] = read_catalog(self.layout.path(self.layout.po(lang, self.job.slug)))
        return self._po[lang]

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> Outcome:
        steps = self.job.steps
        if "extract" in steps:
            self.extract()
        for lang in self.job.langs:
            if "update" in steps:
                self.update(lang)
            if "tm" in steps and self.job.generation is not None:
                self.memory(lang)
            if "build" in steps:
                self.build(lang)
            if not self.dry and lang in self._po:
                self.out.pending[lang] = pending_entries(self._po[lang])
        return self.out

    def extract(self) -> None:
        config, slug, rel = self.config, self.job.slug, self.article_rel
        name, pot_rel = f"extract:{slug}", self.layout.pot(slug)
        inputs = extract_stamp(config, rel, self._hash(rel) or "")
        old_hash = self._hash(pot_rel)
        pot_path = self.layout.path(pot_rel)
        if self._fresh(name, inputs, {pot_rel: old_hash}):
            info = self._info(name)
            self.out.extracted = ExtractResult(slug, pot_path, info.get("segments", 0), info.get("entries", 0),
                                               info.get("words", 0), False, skipped=True)
            return
        from .extract import build_template
        from .wordcount import count_words

        segments = self.segments(load=False)
        pot = build_template(self.article(), segments, rel, config.name)
        written = self._write_template(pot, pot_rel)
        self._pot = pot
        info = {"segments": len(self.segments()), "entries": len(pot), "words": sum(count_words(e.msgid) for e in pot)}
        new_hash = self._wrote(pot_rel, written) if written is not None else old_hash
        self.out.records.append(Record(name, slug, inputs, {pot_rel: new_hash}, info))
        changed = written is not None
        self.out.extracted = ExtractResult(slug, pot_path, info["segments"], info["entries"], info["words"], changed)

    def _write_template(self, pot: polib.POFile, rel: str) -> bytes | None:
        """Write the template unless only its creation date would change; the bytes written, or
        None. Not fsynced: a template is made again from its article whenever it looks changed.
        The entries are rendered once and kept: a new catalogue is written from the same text."""
        from .catalog import now_stamp
        from .fsutil import atomic_write_bytes
        from .poformat import render_entries, render_po

        self._pot_entries = entries = render_entries(pot)
        old = self._data(rel)
        m = _POT_DATE.search(old or b"")
        if m is not None:
            pot.metadata["POT-Creation-Date"] = m.group(1).decode("utf-8", "replace")
            if render_po(pot, entries).encode("utf-8") == old:
                return None
            pot.metadata["POT-Creation-Date"] = now_stamp()
        data = render_po(pot, entries).encode("utf-8")
        atomic_write_bytes(self.layout.path(rel), data, durable=False)
        return data

    def update(self, lang: str) -> None:
        config, slug = self.config, self.job.slug
        name, pot_rel, po_rel = f"update:{lang}:{slug}", self.layout.pot(slug), self.layout.po(lang, slug)
        pot_hash = self._hash(pot_rel)
        if pot_hash is None:
            raise CatalogError("template missing (run 'l10n extract' first)", self.layout.path(pot_rel))
        inputs = update_stamp(config, lang, pot_hash)
        old_hash = self._hash(po_rel)
        po_path = self.layout.path(po_rel)
        if self._fresh(name, inputs, {po_rel: old_hash}):
            info = self._info(name)
            self.out.pending[lang] = info.get("pending", 1)  # unknown: let translate look
            self.out.updated.append(UpdateResult(slug, lang, po_path, MergeStats(kept=info.get("entries", 0)), False,
                                                 False, skipped=True))
            return
        from .merge import merge_catalog

        if old_hash is None:
            po, stats = merge_catalog(self.template(), None, lang)
            self._po[lang] = po
            changed, new_hash = True, self._create_catalog(po, po_rel)
        else:
            po, stats, changed = self._merge_existing(lang, po_rel)
            new_hash = self._wrote(po_rel) if changed else old_hash
        info = {"entries": len(self.template()), "pending": pending_entries(po)}
        self.out.records.append(Record(name, slug, inputs, {po_rel: new_hash}, info))
        self.out.updated.append(UpdateResult(slug, lang, po_path, stats, changed, old_hash is None))

    def _merge_existing(self, lang: str, po_rel: str) -> tuple[polib.POFile, MergeStats, bool]:
        """Merge the template into the catalogue on disk and write it if that changes it."""
        from .locking import Snapshot, catalog_lock, save_merged
        from .merge import merge_catalog
        from .poformat import render_po

        with catalog_lock(self.layout.path(po_rel)):  # read-merge-write as one step: a concurrent save is never reverted
            old = self.catalog(lang)
            po, stats = merge_catalog(self.template(), old, lang)
            self._po[lang] = po
            changed = render_po(po).encode("utf-8") != self._data(po_rel)
            if changed:
                save_merged(po, self.layout.path(po_rel), Snapshot.of(old))
        return po, stats, changed

    def _create_catalog(self, po: polib.POFile, po_rel: str) -> str | None:
        """Write a catalogue that did not exist; its hash. It holds nothing a person wrote (the
        template's entries and a header), so it is written without the lock or an fsync, and
        created only if still absent: if someone made it meanwhile, theirs is merged in under
        the lock as for any catalogue changed on disk."""
        from .catalog import content_digest
        from .fsutil import create_bytes
        from .locking import save_merged
        from .poformat import render_po

        text = render_po(po, self._pot_entries if _same_entries_text(self.template(), po, self._pot_entries) else None)
        data = text.encode("utf-8")
        path = self.layout.path(po_rel)
        if create_bytes(path, data):
            po.source_digest = content_digest(data)  # as write_catalog records it
            return self._wrote(po_rel, data)
        save_merged(po, path, None)
        return self._wrote(po_rel)

    def memory(self, lang: str) -> None:
        config, slug = self.config, self.job.slug
        po_rel = self.layout.po(lang, slug)
        po_hash = self._hash(po_rel)
        if po_hash is None:
            return
        name, origin = f"tm:{lang}:{slug}", f"{slug}.po"
        inputs = memory_stamp(config, lang, po_hash, self.job.generation or "", origin)
        if self._fresh(name, inputs, {}):
            return
        from .memory import catalog_units

        po = self.catalog(lang)
        self.out.units[lang] = list(catalog_units(po, origin, config.source_language, lang))
        self.out.memory_records[lang] = Record(name, slug, inputs, {}, {})

    def build(self, lang: str) -> None:
        config, slug, options, article = self.config, self.job.slug, self.job.build, self.job.article
        assert article is not None
        po_rel = self.layout.po(lang, slug)
        po_hash = self._hash(po_rel)
        if po_hash is None:
            raise AssemblyError(f"no {lang} catalogue for {slug} (run 'l10n update --lang {lang}')",
                                self.layout.path(po_rel))
        out_rel = self.layout.output(article, lang, options.fmt)
        name, out = f"build:{lang}:{slug}:{options.fmt}", self.layout.path(out_rel)
        inputs = build_stamp(config, lang, self._hash(self.article_rel) or "", po_hash, options)
        old_hash = self._hash(out_rel)
        if self._fresh(name, inputs, {out_rel: old_hash}):
            stats = BuildStats(**self._info(name))
            self.out.built.append(BuildResult(slug, lang, out, stats, skipped=True))
            return
        from .fsutil import atomic_write_bytes

        data, stats = render_article(self.article(), self.catalog(lang), lang, options, config.source_language,
                                     self.segments())
        changed = data != self._data(out_rel)
        if changed:
            atomic_write_bytes(out, data, durable=False)  # made again from article + catalogue
        new_hash = self._wrote(out_rel, data) if changed else old_hash
        self.out.records.append(Record(name, slug, inputs, {out_rel: new_hash}, stats.as_dict()))
        self.out.built.append(BuildResult(slug, lang, out, stats))


def render_article(article: Article, po: polib.POFile, lang: str, options: BuildOptions, source_lang: str,
                   segments: list[Segment] | None = None) -> tuple[bytes, Any]:
    """The built file's bytes and what went into it."""
    from .assemble import assemble_markdown, render_blocks
    from .render import render_html, render_text

    rendered = render_blocks(article, po, source_lang=source_lang, include_fuzzy=options.include_fuzzy,
                             fallback=options.fallback, fmt=options.fmt, segments=segments)
    if options.fmt == "md":
        text = ("\ufeff" if article.bom else "") + assemble_markdown(article, rendered)
    elif options.fmt == "html":
        text = render_html(article, rendered, lang)
    else:
        text = render_text(article, rendered)
    return text.encode("utf-8"), rendered.stats


def work(config: Config, job: Job) -> Outcome:
    """Do the stale steps of one article (runs in a worker process for big projects)."""
    return ArticleWork(config, job).run()


def check(config: Config, job: Job, state: RunState, layout: Layout | None = None) -> Outcome | None:
    """The article's outcome from its records if every step is fresh, else None."""
    try:
        return ArticleWork(config, job, state, layout).run()
    except (Stale, CatalogError, AssemblyError):  # the worker reports errors, with their file
        return None
