"""Translation memory: reviewed translations in SQLite, found again by exact and fuzzy match.

Candidates come from an FTS5 ``unicode61`` index (an OR of the query's words,
best ``bm25`` first) and are reranked with rapidfuzz's ``fuzz.ratio``; this
keeps a lookup in a 100,000-unit memory to a few milliseconds, where scoring
every unit would take tens. Only human-reviewed translations go in: fuzzy
entries, raw machine translation and ``source == target`` junk never do,
because a memory that repeats MT errors is worse than none.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .errors import TMError

if TYPE_CHECKING:
    import polib

    from .config import Config
    from .glossary import Glossary

DEFAULT_PATH = ".l10n/memory.sqlite"
DEFAULT_THRESHOLD = 75
CANDIDATES = 200  # bm25-ranked candidates when even the rarest words are common
CANDIDATE_BUDGET = 2000  # documents fetched for reranking, at most (about 2 ms)
MAX_TERMS = 8
REVIEWED, SUPERSEDED = "reviewed", "superseded"
_WORD = re.compile(r"\w+", re.UNICODE)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'reviewed',
    UNIQUE (source_lang, target_lang, source, context, target)
);
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(
    source, content='units', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS units_ai AFTER INSERT ON units BEGIN
    INSERT INTO units_fts(rowid, source) VALUES (new.id, new.source);
END;
CREATE TRIGGER IF NOT EXISTS units_ad AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, source) VALUES ('delete', old.id, old.source);
END;
CREATE VIRTUAL TABLE IF NOT EXISTS units_vocab USING fts5vocab(units_fts, 'row');
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_COLUMNS = "source, target, source_lang, target_lang, context, origin, reviewer, date, state"


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


_DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y%m%dT%H%M%S%z", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%Y%m%dT%H%M%S", "%Y%m%d")


def normalize_date(value: str | None) -> str:
    """Dates are stored as UTC ``YYYY-MM-DDTHH:MM:SSZ`` so TMX round trips are lossless and
    string order is time order. Reads ISO 8601, the PO header's ``YYYY-MM-DD HH:MM+ZZZZ``
    and TMX's ``YYYYMMDDTHHMMSSZ``; no value means now (a unit stored now); a value that
    is no date gives "" (unknown, older than any date), never the time of the import."""
    if not value or not value.strip():
        return now_iso()
    text = value.strip().replace(" ", "T", 1).replace(" ", "")
    for fmt in _DATE_FORMATS:
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ""


@dataclass(frozen=True)
class Unit:
    """One stored translation unit."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    context: str = ""
    origin: str = ""
    reviewer: str = ""
    date: str = ""
    state: str = REVIEWED

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class Counts:
    """What an import or catalogue update did to the memory."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    catalogues: int = 0

    def __getitem__(self, key: str) -> int:
        return getattr(self, key)

    def merge(self, other: Counts) -> None:
        for name in ("added", "updated", "unchanged", "skipped", "catalogues"):
            setattr(self, name, self[name] + other[name])

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Match:
    """A lookup result; ``score`` is 100 only for an identical source."""

    score: int
    source: str
    target: str
    origin: str = ""
    context: str = ""
    reviewer: str = ""
    date: str = ""

    @property
    def exact(self) -> bool:
        return self.score == 100

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Suggestion:
    """What pre-translation puts in a catalogue entry, and the comment that says why."""

    target: str
    score: int
    exact: bool
    comment: str
    origin: str = ""


def _forbidden(glossary: Glossary | None, source: str, target: str) -> str:
    """A note naming forbidden glossary renderings in a TM target (a unit reviewed before the
    glossary knew the term is wrong): such a match is only ever a fuzzy suggestion."""
    if not glossary:
        return ""
    from .glossary import check_translation

    wrong = [f"forbidden {v.found!r}, use {v.expected!r}" for v in check_translation(glossary, source, target)
             if v.kind == "forbidden"]
    return "glossary: " + "; ".join(wrong) if wrong else ""


def is_junk(source: str, target: str) -> bool:
    """Units that would poison the memory: empty, or an untranslated copy of the source."""
    return not source.strip() or not target.strip() or source.strip() == target.strip()


class TranslationMemory:
    """A SQLite translation memory file; safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._df: dict[str, int] = {}
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
            self._db.executescript(_SCHEMA)
            self._db.execute(
                "CREATE INDEX IF NOT EXISTS units_exact ON units(source_lang, target_lang, source)"
            )
            self._db.commit()
        except (sqlite3.DatabaseError, OSError) as exc:
            raise TMError(f"cannot open translation memory: {exc} ('l10n tm rebuild' recreates it from "
                          "the catalogues)", self.path) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def add(
        self,
        source: str,
        target: str,
        source_lang: str,
        target_lang: str,
        *,
        origin: str = "",
        reviewer: str = "",
        context: str = "",
        date: str | None = None,
        state: str = REVIEWED,
    ) -> str:
        """Store a reviewed translation; older targets for the same source become superseded.

        Returns ``added``, ``updated``, ``unchanged`` or ``skipped`` (junk).
        """
        if is_junk(source, target):
            return "skipped"
        unit = Unit(source, target, source_lang, target_lang, context, origin, reviewer, normalize_date(date), state)
        with self._lock:
            self._df.clear()
            self._begin_write()
            result = self._store(unit, supersede=True)
            self._db.commit()
        return result

    def add_units(self, units: Iterable[Unit], supersede: bool = True) -> Counts:
        """Store many units in one transaction (imports, catalogue updates)."""
        counts = Counts()
        with self._lock:
            self._df.clear()
            self._begin_write()
            try:
                for unit in units:
                    result = "skipped" if is_junk(unit.source, unit.target) else self._store(unit, supersede)
                    setattr(counts, result, counts[result] + 1)
                self._db.commit()
            except BaseException:
                self._db.rollback()
                raise
        return counts

    def _begin_write(self) -> None:
        """Take the write lock before ``_store`` reads: another l10n process (a second
        ``tm update``, a review) may be storing the same unit between our SELECT and INSERT."""
        if not self._db.in_transaction:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise TMError(f"cannot write translation memory: {exc}", self.path) from exc

    def _store(self, unit: Unit, supersede: bool) -> str:
        db = self._db
        key = (unit.source_lang, unit.target_lang, unit.source, unit.context)
        row = db.execute(
            "SELECT id, origin, reviewer, state FROM units WHERE source_lang=? AND target_lang=? AND source=?"
            " AND context=? AND target=?",
            (*key, unit.target),
        ).fetchone()
        if supersede and unit.state == REVIEWED and self._newer_review(unit):
            unit = replace(unit, state=SUPERSEDED)  # an older review arriving late supersedes nothing
        if supersede and unit.state == REVIEWED:
            db.execute(
                "UPDATE units SET state=? WHERE source_lang=? AND target_lang=? AND source=? AND context=?"
                " AND target<>? AND state=?",
                (SUPERSEDED, *key, unit.target, REVIEWED),
            )
        if row is None:
            db.execute(
                f"INSERT INTO units ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                (unit.source, unit.target, *key[:2], unit.context, unit.origin, unit.reviewer, unit.date, unit.state),
            )
            return "added"
        if (row[1], row[2], row[3]) == (unit.origin, unit.reviewer, unit.state):
            return "unchanged"
        db.execute(
            "UPDATE units SET origin=?, reviewer=?, date=?, state=? WHERE id=?",
            (unit.origin, unit.reviewer, unit.date, unit.state, row[0]),
        )
        return "updated"

    def _newer_review(self, unit: Unit) -> bool:
        """Another target for the same source was reviewed after ``unit`` (dates compare as
        strings: all are UTC ``YYYY-MM-DDTHH:MM:SSZ``, an unknown date is "")."""
        row = self._db.execute(
            "SELECT 1 FROM units WHERE source_lang=? AND target_lang=? AND source=? AND context=? AND target<>?"
            " AND state=? AND date>? LIMIT 1",
            (unit.source_lang, unit.target_lang, unit.source, unit.context, unit.target, REVIEWED, unit.date),
        ).fetchone()
        return row is not None

    def withdraw(self, source: str, target: str, source_lang: str, target_lang: str, context: str = "") -> bool:
        """A reviewer rejected a translation that had been reviewed: it stops being offered
        (kept as superseded, as a replaced review is); returns whether a unit changed."""
        with self._lock:
            self._df.clear()
            self._begin_write()
            changed = self._db.execute(
                "UPDATE units SET state=? WHERE source_lang=? AND target_lang=? AND source=? AND context=?"
                " AND target=? AND state=?",
                (SUPERSEDED, source_lang, target_lang, source, context, target, REVIEWED),
            ).rowcount
            self._db.commit()
        return bool(changed)

    def clear(self) -> None:
        with self._lock:
            self._df.clear()
            self._db.execute("DELETE FROM units")
            self._db.execute("DELETE FROM meta WHERE key='generation'")
            self._db.commit()

    def generation(self) -> str:
        """A random id of this memory's contents, new when the file is created or cleared.

        Incremental runs stamp "catalogue X is in the memory" with it, so a deleted or
        emptied memory is filled again from every catalogue.
        """
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', ?)", (uuid.uuid4().hex,))
            if self._db.in_transaction:
                self._db.commit()
            return self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]

    # -- reading -----------------------------------------------------------

    def units(self, source_lang: str | None = None, target_lang: str | None = None, *, all_states: bool = False) -> Iterator[Unit]:
        """Stored units in insertion order, optionally for one language pair."""
        sql, args = f"SELECT {_COLUMNS} FROM units WHERE 1=1", []
        if source_lang:
            sql, args = sql + " AND source_lang=?", [*args, source_lang]
        if target_lang:
            sql, args = sql + " AND target_lang=?", [*args, target_lang]
        if not all_states:
            sql += f" AND state='{REVIEWED}'"
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return (Unit(*row) for row in rows)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM units WHERE state=?", (REVIEWED,)).fetchone()[0]

    def lookup(
        self,
        text: str,
        source_lang: str,
        target_lang: str,
        limit: int = 5,
        threshold: int = DEFAULT_THRESHOLD,
        *,
        context: str | None = None,
    ) -> list[Match]:
        """The best ``limit`` matches scoring at least ``threshold``, exact ones first.

        Among equal scores a unit with the same ``context`` wins, then the newest.
        """
        if not text.strip():
            return []
        with self._lock:
            candidates = self._exact_candidates(text, source_lang, target_lang)
            if len(candidates) < limit:
                candidates += self._fuzzy_candidates(text, source_lang, target_lang)
        from rapidfuzz import fuzz, process

        best = process.extract(text, [c[1] for c in candidates], scorer=fuzz.ratio, score_cutoff=threshold,
                               limit=max(4 * limit, 20))
        ratios: dict[int, float] = {}
        for _source, ratio, index in best:
            if ratio > 0:
                ratios.setdefault(candidates[index][0], ratio)
        scored: dict[tuple[str, str, str], Match] = {}
        for unit_id, source, target, ctx, origin, reviewer, date in self._rows(list(ratios)):
            score = 100 if source == text else min(99, int(ratios[unit_id]))
            key = (source, target, ctx)
            if key not in scored or scored[key].date < date:
                scored[key] = Match(score, source, target, origin, ctx, reviewer, date)
        newest_first = sorted(scored.values(), key=lambda m: m.date, reverse=True)
        ranked = sorted(newest_first, key=lambda m: (-m.score, m.context != (context or "")))  # stable
        return ranked[:limit]

    def _exact_rows(self, text: str, src: str, tgt: str) -> list[tuple]:
        return self._db.execute(
            "SELECT source, target, context, origin, reviewer, date FROM units"
            " WHERE source_lang=? AND target_lang=? AND source=? AND state=?",
            (src, tgt, text, REVIEWED),
        ).fetchall()

    def _exact_candidates(self, text: str, src: str, tgt: str) -> list[tuple[int, str]]:
        return self._db.execute(
            "SELECT id, source FROM units WHERE source_lang=? AND target_lang=? AND source=? AND state=?",
            (src, tgt, text, REVIEWED),
        ).fetchall()

    def _fuzzy_candidates(self, text: str, src: str, tgt: str) -> list[tuple[int, str]]:
        """(id, source) of the units sharing the query's rarest words (up to CANDIDATE_BUDGET of
        them, else the best by bm25): only what scoring needs, the rest is read for the winners."""
        terms, total = self._rare_terms(text)
        if not terms:
            return []
        query = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        inner = "SELECT rowid FROM units_fts WHERE units_fts MATCH ?"
        if total > CANDIDATE_BUDGET:
            inner += f" ORDER BY rank LIMIT {CANDIDATES}"
        return self._db.execute(
            f"SELECT id, source FROM units WHERE id IN ({inner}) AND +source_lang=? AND +target_lang=? AND +state=?",
            (query, src, tgt, REVIEWED),
        ).fetchall()

    def _rows(self, ids: list[int]) -> list[tuple]:
        """Full rows of the scored winners, in the order of ``ids``."""
        if not ids:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT id, source, target, context, origin, reviewer, date FROM units"
                f" WHERE id IN ({','.join('?' * len(ids))})", ids,
            ).fetchall()
        order = {unit_id: i for i, unit_id in enumerate(ids)}
        return sorted(rows, key=lambda r: order[r[0]])

    def _rare_terms(self, text: str) -> tuple[list[str], int]:
        """The query's indexed words, rarest first, while their documents fit the budget."""
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))
        freqs = self._doc_freqs(words)
        chosen: list[str] = []
        total = 0
        for word in sorted((w for w in words if freqs[w]), key=freqs.__getitem__):
            if chosen and (total + freqs[word] > CANDIDATE_BUDGET or len(chosen) >= MAX_TERMS):
                break
            chosen.append(word)
            total += freqs[word]
        return chosen, total

    def _doc_freqs(self, words: list[str]) -> dict[str, int]:
        """Document frequency of each word in the FTS index (cached until the next write)."""
        missing = [w for w in words if w not in self._df]
        if missing:
            if len(self._df) > 200_000:
                self._df.clear()
            keys = {w: _fold(w) for w in missing}
            wanted = sorted(set(missing) | set(keys.values()))
            marks = ",".join("?" * len(wanted))
            found = dict(self._db.execute(f"SELECT term, doc FROM units_vocab WHERE term IN ({marks})", wanted))
            for word, folded in keys.items():
                self._df[word] = found.get(word) or found.get(folded) or 0
        return {w: self._df[w] for w in words}

    def pretranslate(
        self,
        source: str,
        source_lang: str,
        target_lang: str,
        *,
        context: str = "",
        threshold: int = DEFAULT_THRESHOLD,
        glossary: Glossary | None = None,
    ) -> Suggestion | None:
        """A translation for ``source`` from the memory, or None when nothing scores ``threshold``.

        Exact means an identical source in the same context. A fuzzy match that
        differs only in numbers, dates, weekdays, months or glossary names has
        those tokens patched in its target; the comment says what was done.
        """
        with self._lock:
            exact = [r for r in self._exact_rows(source, source_lang, target_lang) if r[2] == context]
        if exact:
            _source, target, _context, origin, _reviewer, _date = max(exact, key=lambda r: r[5])
            origin = origin or "memory"
            wrong = _forbidden(glossary, source, target)
            note = f" ({wrong})" if wrong else ""
            return Suggestion(target, 100, not wrong, f"tm: 100% from {origin}{note}", origin)
        matches = self.lookup(source, source_lang, target_lang, limit=1, threshold=threshold, context=context)
        if not matches:
            return None
        best = matches[0]
        origin = best.origin or "memory"
        from .patching import patch_translation

        patched = patch_translation(best.source, best.target, source, source_lang, target_lang, glossary)
        notes = [n for n in (patched.note, _forbidden(glossary, source, patched.target)) if n]
        note = f" ({'; '.join(notes)})" if notes else ""
        return Suggestion(patched.target, best.score, False, f"tm: {best.score}% from {origin}{note}", origin)

    def stats(self) -> dict[str, object]:
        """Unit counts by language pair, state and origin (for ``l10n tm stats``)."""
        with self._lock:
            pairs = self._db.execute(
                "SELECT source_lang, target_lang, state, count(*) FROM units GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
            ).fetchall()
            origins = self._db.execute(
                "SELECT origin, count(*) FROM units WHERE state=? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20",
                (REVIEWED,),
            ).fetchall()
            reviewers = self._db.execute(
                "SELECT reviewer, count(*) FROM units WHERE state=? GROUP BY 1 ORDER BY 2 DESC, 1", (REVIEWED,)
            ).fetchall()
        by_pair: dict[str, dict[str, int]] = {}
        for src, tgt, state, count in pairs:
            by_pair.setdefault(f"{src}→{tgt}", {})[state] = count
        return {
            "path": str(self.path),
            "units": len(self),
            "pairs": by_pair,
            "origins": dict(origins),
            "reviewers": {name or "(unknown)": n for name, n in reviewers},
        }

    # -- catalogues --------------------------------------------------------

    def update_from_catalogs(self, config: Config, lang: str | None = None) -> Counts:
        """Add the reviewed entries of every catalogue of ``lang`` (default: all targets)."""
        counts = Counts()
        for target_lang in config.languages(lang):
            folder = config.locales_dir / target_lang / "LC_MESSAGES"
            for path in sorted(folder.glob("*.po")):
                counts.merge(self.import_catalog(path, config.source_language, target_lang))
        return counts

    def import_catalog(self, path: Path, source_lang: str, target_lang: str) -> Counts:
        """Add the reviewed (non-fuzzy, translated) entries of one PO file."""
        from .catalog import read_catalog

        po = read_catalog(path)
        counts = self.add_units(list(catalog_units(po, path.name, source_lang, target_lang)))
        counts.catalogues = 1
        return counts


def catalog_units(po: polib.POFile, origin: str, source_lang: str, target_lang: str) -> Iterator[Unit]:
    """Units for the reviewed entries of a catalogue; reviewer and date from ``reviewed-by:``."""
    from .entrymeta import is_fuzzy, reviewed_by

    fallback_reviewer = _header_reviewer(po.metadata.get("Last-Translator", ""))
    fallback_date = po.metadata.get("PO-Revision-Date", "")
    for entry in po:
        if entry.obsolete:
            continue
        if is_fuzzy(entry) or not entry.msgstr or entry.msgid_plural:
            continue
        reviewer, date = reviewed_by(entry)
        yield Unit(
            entry.msgid,
            entry.msgstr,
            source_lang,
            target_lang,
            entry.msgctxt or "",
            origin,
            reviewer or fallback_reviewer,
            normalize_date(date or fallback_date) if date or fallback_date else "",
        )


def _header_reviewer(value: str) -> str:
    return "" if not value or "FULL NAME" in value or value == "l10n" else value


def _fold(word: str) -> str:
    """A word as FTS5's ``remove_diacritics`` indexes it (é → e; ø and å stay)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def open_memory(config: Config) -> TranslationMemory | None:
    """The project's memory (created on first use); None only when ``[memory] enabled = false``."""
    section = config.section("memory")
    if section.get("enabled", True) is False:
        return None
    path = section.get("path", DEFAULT_PATH)
    if not isinstance(path, str) or not path:
        return None
    return TranslationMemory(config.resolve(path))


def memory_threshold(config: Config) -> int:
    value = config.section("memory").get("fuzzy_threshold", DEFAULT_THRESHOLD)
    if not isinstance(value, int) or not 0 <= value <= 100:
        from .errors import ConfigError

        raise ConfigError("memory.fuzzy_threshold must be an integer from 0 to 100", config.path)
    return value
