"""The desk's view of a project: articles, catalogues, entries with versions and findings.

Everything is read from the files on every request (cached on file stamps), so
a save made by ``l10n review``, Poedit or another desk process shows up here
without any state to keep in sync.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..article import Article, read_article
from ..catalog import entry_key, file_stamp, iter_entries, read_catalog
from ..config import Config
from ..errors import L10nError
from ..glossary import Glossary, load_project_glossary
from ..entrymeta import entry_kind, is_fuzzy, provenance, reviewed_by
from ..project import article_paths
from .findings import EntryQA, FindingCache, FindingView

Key = tuple[str, str]
STATES = ("reviewed", "fuzzy", "untranslated")


class NotFound(L10nError):
    """A page asked for an article, language or entry the project does not have."""


def entry_id(key: Key) -> str:
    """A short, URL-safe, stable id for (msgctxt, msgid)."""
    return hashlib.sha1(f"{key[0]}\x04{key[1]}".encode("utf-8")).hexdigest()[:12]


def entry_version(entry: polib.POEntry) -> str:
    """Changes whenever the translation or its flags change: the basis of conflict detection."""
    data = entry.msgstr + "\x00" + ",".join(sorted(entry.flags))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


def entry_state(entry: polib.POEntry) -> str:
    if not entry.msgstr:
        return "untranslated"
    return "fuzzy" if is_fuzzy(entry) else "reviewed"


@dataclass
class EntryInfo:
    """One catalogue entry as the desk shows it."""

    id: str
    key: Key
    msgstr: str
    state: str
    version: str
    kind: str = ""
    provenance: list[str] = field(default_factory=list)
    reviewer: str = ""
    reviewed_on: str = ""
    previous: str = ""
    findings: list[FindingView] = field(default_factory=list)
    risk: float = 0.0
    risk_reasons: tuple[str, ...] = ()

    @property
    def msgid(self) -> str:
        return self.key[1]

    @property
    def needs_review(self) -> bool:
        return self.state != "reviewed"


def _info(entry: polib.POEntry, qa: EntryQA) -> EntryInfo:
    key = entry_key(entry)
    name, day = reviewed_by(entry)
    state = entry_state(entry)
    shown = list(qa.findings) if entry.msgstr else []
    return EntryInfo(entry_id(key), key, entry.msgstr, state, entry_version(entry), entry_kind(entry),
                     provenance(entry), name, day, entry.previous_msgid or "", shown,
                     qa.risk, qa.reasons)


@dataclass
class ArticleRow:
    """One line of the overview: an article in one target language."""

    slug: str
    lang: str
    title: str
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    errors: int = 0
    warnings: int = 0
    has_catalog: bool = True

    @property
    def total(self) -> int:
        return self.reviewed + self.fuzzy + self.untranslated

    @property
    def needs_work(self) -> int:
        return self.fuzzy + self.untranslated + self.errors

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 0


class Desk:
    """A project opened for review in one or more target languages."""

    def __init__(self, config: Config, langs: list[str]) -> None:
        self.config = config
        self.langs = langs
        self.source_lang = config.source_language
        self.findings = FindingCache(config.source_language)
        self._lock = threading.Lock()
        self._glossary: tuple[object, Glossary] | None = None
        self._catalogs: dict[Path, tuple[object, polib.POFile]] = {}

    # -- lookups that also validate what a URL asks for --------------------------------
    def articles(self) -> dict[str, Path]:
        return {path.stem: path for path in article_paths(self.config)}

    def article(self, slug: str) -> Article:
        path = self.articles().get(slug)
        if path is None:
            raise NotFound(f"no article {slug!r} in this project")
        return read_article(path)

    def check_lang(self, lang: str) -> str:
        if lang not in self.langs:
            raise NotFound(f"language {lang!r} is not open on this desk ({', '.join(self.langs)})")
        return lang

    def catalog_path(self, lang: str, slug: str) -> Path:
        self.check_lang(lang)
        if slug not in self.articles():
            raise NotFound(f"no article {slug!r} in this project")
        path = self.config.po_path(lang, slug)
        if not path.is_file():
            raise NotFound(f"no {lang} catalogue for {slug} yet (run 'l10n update --lang {lang}')")
        return path

    def glossary_path(self) -> Path:
        return self.config.resolve(str(self.config.section("glossary").get("path") or "glossary.csv"))

    def glossary(self) -> Glossary:
        """The project glossary, re-read when its file changes."""
        stamp = file_stamp(self.glossary_path())
        with self._lock:
            if self._glossary is not None and self._glossary[0] == stamp:
                return self._glossary[1]
        glossary = load_project_glossary(self.config)
        with self._lock:
            self._glossary = (stamp, glossary)
        return glossary

    def catalog(self, lang: str, slug: str) -> polib.POFile:
        """The catalogue as it is on disk now (parsed once per change)."""
        path = self.catalog_path(lang, slug)
        stamp = file_stamp(path)
        with self._lock:
            cached = self._catalogs.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        po = read_catalog(path)
        with self._lock:
            self._catalogs[path] = (stamp, po)
        return po

    # -- views -----------------------------------------------------------------------
    def entries(self, lang: str, slug: str) -> dict[str, EntryInfo]:
        """Every active entry of an article's catalogue by id, with findings."""
        path = self.catalog_path(lang, slug)
        po = self.catalog(lang, slug)
        found = self.findings.catalog_findings(path, lang, self.glossary())
        infos = (_info(e, found.get(entry_key(e), EntryQA())) for e in iter_entries(po) if not entry_is_plural(e))
        return {info.id: info for info in infos}

    def entry(self, lang: str, slug: str, ident: str) -> EntryInfo:
        info = self.entries(lang, slug).get(ident)
        if info is None:
            raise NotFound(f"no entry {ident!r} in {slug} ({lang})")
        return info

    def overview(self) -> list[ArticleRow]:
        """Articles × languages, the ones needing most work first."""
        rows = []
        for slug, path in self.articles().items():
            title = _title(path)
            for lang in self.langs:
                rows.append(self._row(slug, lang, title))
        return sorted(rows, key=lambda r: (not r.has_catalog, -r.needs_work, -r.errors, r.slug, r.lang))

    def _row(self, slug: str, lang: str, title: str) -> ArticleRow:
        row = ArticleRow(slug, lang, title)
        try:
            entries = self.entries(lang, slug)
        except NotFound:
            row.has_catalog = False
            return row
        for info in entries.values():
            setattr(row, info.state, getattr(row, info.state) + 1)
            row.errors += sum(1 for f in info.findings if f.severity == "error")
            row.warnings += sum(1 for f in info.findings if f.severity == "warning")
        return row


def entry_is_plural(entry: polib.POEntry) -> bool:
    return bool(entry.msgid_plural)


def _title(path: Path) -> str:
    try:
        return read_article(path).title
    except L10nError:
        return path.stem
