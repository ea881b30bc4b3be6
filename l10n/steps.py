"""The steps of one article — extract, update, translation memory, build — with content stamps.

One :class:`ArticleWork` carries an article through the steps a command asks for and
hands each step the catalogue the previous step made, so a run parses every
catalogue at most once and writes it at most once. Each step first compares the
stamp of its inputs and the hashes of its outputs with the record of its last run
(:mod:`l10n.state`) and does nothing when both match.

The same code runs twice: in the parent with ``dry=True`` (hashes from the state's
cache, no reading; it only answers "is all of this article fresh?") and in a worker
for the articles that are not, where it reads, computes and writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article, read_article
from .assemble import BuildStats, assemble_markdown, render_blocks
from .catalog import now_stamp, read_catalog, write_catalog
from .errors import AssemblyError, CatalogError
from .extract import article_segments, build_template, relative_to
from .fsutil import atomic_write_bytes
from .locking import Snapshot, catalog_lock, save_merged
from .merge import MergeStats, merge_catalog
from .render import render_html, render_text
from .state import (BuildOptions, FileSeen, Record, RunState, build_stamp, digest, extract_stamp, is_fresh_record,
                    memory_stamp, seen_bytes, update_stamp)
from .wordcount import count_words

if TYPE_CHECKING:
    import polib

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


@dataclass
class ExtractResult:
    slug: str
    path: Path
    segments: int
    entries: int
    words: int
    changed: bool
    removed: bool = False
    skipped: bool = False  # nothing it depends on changed since the last run: not even read


@dataclass
class UpdateResult:
    slug: str
    lang: str
    path: Path
    stats: MergeStats
    changed: bool
    created: bool
    skipped: bool = False


@dataclass
class BuildResult:
    slug: str
    lang: str
    path: Path
    stats: BuildStats
    skipped: bool = False


def step_names(slug: str, langs: list[str], options: BuildOptions) -> list[str]:
    """Every record name one article can have."""
    names = [f"extract:{slug}"]
    for lang in langs:
        names += [f"update:{lang}:{slug}", f"tm:{lang}:{slug}", f"build:{lang}:{slug}:{options.fmt}"]
    return names


def build_path(config: Config, article: Path, lang: str, fmt: str) -> Path:
    suffix = article.suffix if fmt == "md" and article.suffix == ".txt" else f".{fmt}"
    return config.build_dir / lang / f"{article.stem}{suffix}"


def pending_entries(po: polib.POFile) -> int:
    """Entries machine translation would fill: active, singular, no translation yet."""
    return sum(1 for e in po if not e.obsolete and e.msgid and not e.msgid_plural and not e.msgstr)


class ArticleWork:
    """One article on its way through the steps of ``job``."""

    def __init__(self, config: Config, job: Job, state: RunState | None = None) -> None:
        self.config, self.job = config, job
        self.state = state  # set: a dry check against the state's hash cache
        self.out = Outcome(job.slug)
        self._bytes: dict[Path, bytes | None] = {}
        self._article: Article | None = None
        self._segments: list[Segment] | None = None
        self._pot: polib.POFile | None = None
        self._po: dict[str, polib.POFile] = {}

    @property
    def dry(self) -> bool:
        return self.state is not None

    # -- files -----------------------------------------------------------------------------
    def _rel(self, path: Path) -> str:
        return relative_to(path, self.config.root)

    def _data(self, path: Path) -> bytes | None:
        if path not in self._bytes:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                data = None
            except OSError:
                data = None
            self._bytes[path] = data
            self.out.files.append(seen_bytes(path, self._rel(path), data))
        return self._bytes[path]

    def _hash(self, path: Path) -> str | None:
        if self.state is not None:
            return self.state.file_hash(path)
        data = self._data(path)
        return None if data is None else digest(data)

    def _wrote(self, path: Path) -> str | None:
        """Forget what we knew of ``path`` after writing it; its hash as it is now on disk."""
        self._bytes.pop(path, None)
        return self._hash(path)

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
        if self._article is None:
            assert self.job.article is not None
            self._article = read_article(self.job.article, self._data(self.job.article))
        return self._article

    def segments(self) -> list[Segment]:
        if self._segments is None:
            self._segments = article_segments(self.article(), self.config.source_language)
        return self._segments

    def template(self) -> polib.POFile:
        if self._pot is None:
            self._pot = read_catalog(self.config.pot_path(self.job.slug))
        return self._pot

    def catalog(self, lang: str) -> polib.POFile:
        if lang not in self._po:
            self._po[lang] = read_catalog(self.config.po_path(lang, self.job.slug))
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
        config, slug, path = self.config, self.job.slug, self.job.article
        assert path is not None
        name, pot_path = f"extract:{slug}", config.pot_path(slug)
        rel, pot_rel = self._rel(path), self._rel(pot_path)
        inputs = extract_stamp(config, rel, self._hash(path) or "")
        old_hash = self._hash(pot_path)
        if self._fresh(name, inputs, {pot_rel: old_hash}):
            info = self._info(name)
            self.out.extracted = ExtractResult(slug, pot_path, info.get("segments", 0), info.get("entries", 0),
                                               info.get("words", 0), False, skipped=True)
            return
        pot = build_template(self.article(), self.segments(), rel, config.name)
        changed = self._write_template(pot, pot_path)
        self._pot = pot
        info = {"segments": len(self.segments()), "entries": len(pot), "words": sum(count_words(e.msgid) for e in pot)}
        self.out.records.append(Record(name, slug, inputs, {pot_rel: self._wrote(pot_path) if changed else old_hash}, info))
        self.out.extracted = ExtractResult(slug, pot_path, info["segments"], info["entries"], info["words"], changed)

    def _write_template(self, pot: polib.POFile, path: Path) -> bool:
        """Write the template unless only its creation date would change; True if written."""
        old = self._data(path)
        m = _POT_DATE.search(old or b"")
        if m is not None:
            pot.metadata["POT-Creation-Date"] = m.group(1).decode("utf-8", "replace")
            if str(pot).encode("utf-8") == old:
                return False
            pot.metadata["POT-Creation-Date"] = now_stamp()
        write_catalog(pot, path)
        return True

    def update(self, lang: str) -> None:
        config, slug = self.config, self.job.slug
        name, pot_path, po_path = f"update:{lang}:{slug}", config.pot_path(slug), config.po_path(lang, slug)
        pot_hash = self._hash(pot_path)
        if pot_hash is None:
            raise CatalogError("template missing (run 'l10n extract' first)", pot_path)
        inputs, po_rel = update_stamp(config, lang, pot_hash), self._rel(po_path)
        old_hash = self._hash(po_path)
        if self._fresh(name, inputs, {po_rel: old_hash}):
            info = self._info(name)
            self.out.pending[lang] = info.get("pending", 1)  # unknown: let translate look
            self.out.updated.append(UpdateResult(slug, lang, po_path, MergeStats(kept=info.get("entries", 0)), False,
                                                 False, skipped=True))
            return
        with catalog_lock(po_path):  # read-merge-write as one step: a concurrent save is never reverted
            old = self.catalog(lang) if old_hash is not None else None
            po, stats = merge_catalog(self.template(), old, lang)
            self._po[lang] = po
            changed = old is None or str(po).encode("utf-8") != self._data(po_path)
            if changed:
                save_merged(po, po_path, Snapshot.of(old) if old is not None else None)
        new_hash = self._wrote(po_path) if changed else old_hash
        info = {"entries": len(self.template()), "pending": pending_entries(po)}
        self.out.records.append(Record(name, slug, inputs, {po_rel: new_hash}, info))
        self.out.updated.append(UpdateResult(slug, lang, po_path, stats, changed, old is None))

    def memory(self, lang: str) -> None:
        from .memory import catalog_units

        config, slug = self.config, self.job.slug
        po_path = config.po_path(lang, slug)
        po_hash = self._hash(po_path)
        if po_hash is None:
            return
        name = f"tm:{lang}:{slug}"
        inputs = memory_stamp(config, lang, po_hash, self.job.generation or "", po_path.name)
        if self._fresh(name, inputs, {}):
            return
        po = self.catalog(lang)
        self.out.units[lang] = list(catalog_units(po, po_path.name, config.source_language, lang))
        self.out.memory_records[lang] = Record(name, slug, inputs, {}, {})

    def build(self, lang: str) -> None:
        config, slug, options = self.config, self.job.slug, self.job.build
        assert self.job.article is not None
        po_path = config.po_path(lang, slug)
        po_hash = self._hash(po_path)
        if po_hash is None:
            raise AssemblyError(f"no {lang} catalogue for {slug} (run 'l10n update --lang {lang}')", po_path)
        out = build_path(config, self.job.article, lang, options.fmt)
        name, out_rel = f"build:{lang}:{slug}:{options.fmt}", self._rel(out)
        inputs = build_stamp(config, lang, self._hash(self.job.article) or "", po_hash, options)
        old_hash = self._hash(out)
        if self._fresh(name, inputs, {out_rel: old_hash}):
            stats = BuildStats(**self._info(name))
            self.out.built.append(BuildResult(slug, lang, out, stats, skipped=True))
            return
        data, stats = render_article(self.article(), self.catalog(lang), lang, options, config.source_language,
                                     self.segments())
        changed = data != self._data(out)
        if changed:
            atomic_write_bytes(out, data)
        new_hash = self._wrote(out) if changed else old_hash
        self.out.records.append(Record(name, slug, inputs, {out_rel: new_hash}, stats.as_dict()))
        self.out.built.append(BuildResult(slug, lang, out, stats))


def render_article(article: Article, po: polib.POFile, lang: str, options: BuildOptions, source_lang: str,
                   segments: list[Segment] | None = None) -> tuple[bytes, Any]:
    """The built file's bytes and what went into it."""
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


def check(config: Config, job: Job, state: RunState) -> Outcome | None:
    """The article's outcome from its records if every step is fresh, else None."""
    try:
        return ArticleWork(config, job, state).run()
    except Stale:
        return None
