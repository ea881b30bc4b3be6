"""Persistent machine translation cache (SQLite).

Keyed by engine, language pair, engine options and the exact request text
(after masking), so a rerun sends no request for anything already
translated. API keys are never part of the options. One connection is shared
by all worker threads behind a lock; WAL mode lets a second process read.
A ``unmasked`` table remembers masked texts the engine could not handle, so a
resumed run skips the doomed masked request. A third table remembers what MT wrote into each catalogue entry so that
``--retranslate-fuzzy`` can tell raw MT from a reviewer's edit.

Writes are collected and committed in groups with ``executemany`` (every
``COMMIT_EVERY`` writes or ``COMMIT_SECONDS``, and on :meth:`MTCache.commit` /
:meth:`MTCache.close`): one commit per result cost a run more CPU than
everything else it does per segment. Reads see the pending writes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from .errors import EngineError

DEFAULT_PATH = ".l10n/mt-cache.sqlite"
COMMIT_EVERY = 500
COMMIT_SECONDS = 1.0

_PUT = "INSERT OR REPLACE INTO mt VALUES (?, ?, ?, ?, ?, ?, ?)"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS mt (
    key TEXT PRIMARY KEY, engine TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    request TEXT NOT NULL, result TEXT NOT NULL, created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS filled (
    lang TEXT NOT NULL, context TEXT NOT NULL, msgid TEXT NOT NULL, msgstr TEXT NOT NULL,
    PRIMARY KEY (lang, context, msgid)
);
CREATE TABLE IF NOT EXISTS unmasked (key TEXT PRIMARY KEY, created REAL NOT NULL);
"""


def cache_key(engine: str, source: str, target: str, options: str, text: str) -> str:
    raw = "\x1f".join((engine, source, target, options, text))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class _Keys:
    """:func:`cache_key` with the hash of the part before the text computed once per engine,
    pair and options (a run asks for one key per segment; Hypothesis-held equal)."""

    def __init__(self) -> None:
        self._prefixes: dict[tuple[str, str, str, str], Any] = {}  # → a sha256 object to copy

    def __call__(self, engine: str, source: str, target: str, options: str, text: str) -> str:
        prefix = self._prefixes.get((engine, source, target, options))
        if prefix is None:
            head = "\x1f".join((engine, source, target, options, ""))
            prefix = self._prefixes[(engine, source, target, options)] = hashlib.sha256(head.encode("utf-8"))
        digest = prefix.copy()
        digest.update(text.encode("utf-8"))
        return digest.hexdigest()


class MTCache:
    """Thread-safe get/put of translations; ``hits`` and ``stores`` count this session."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.hits = 0
        self.stores = 0
        self._uncommitted = 0
        self._last_commit = time.monotonic()
        self._pending: dict[str, list[tuple]] = {}  # statement → rows not yet written (executemany at commit)
        self._pending_mt: dict[str, str] = {}  # key → result of pending puts, so get() sees them
        self._key = _Keys()
        target = ":memory:" if path is None else str(path)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(target, check_same_thread=False, timeout=10)
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; a power cut may lose the last group
            self._db.executescript(_SCHEMA)
            # a fresh cache answers every lookup without a query until something is stored
            self._empty = self._db.execute("SELECT 1 FROM mt LIMIT 1").fetchone() is None
        except (OSError, sqlite3.Error) as exc:
            raise EngineError(f"cannot open MT cache {path}: {exc} (it only saves repeated requests: "
                              "delete the file and run again)") from exc

    def get(self, engine: str, source: str, target: str, options: str, text: str) -> str | None:
        if self._empty and not self._pending_mt:  # nothing stored yet: no key to compute
            return None
        key = self._key(engine, source, target, options, text)
        with self._lock:
            pending = self._pending_mt.get(key)
            row = (pending,) if pending is not None else None if self._empty else self._db.execute(
                "SELECT result FROM mt WHERE key = ?", (key,)).fetchone()
        if row is not None:
            self.hits += 1
            return row[0]
        return None

    def put(self, engine: str, source: str, target: str, options: str, text: str, result: str) -> None:
        key = self._key(engine, source, target, options, text)
        with self._lock:
            self._pending_mt[key] = result
            self._add(_PUT, (key, engine, source, target, text, result, time.time()))
        self.stores += 1

    def _write(self, sql: str, args: tuple) -> None:
        with self._lock:
            self._add(sql, args)

    def _add(self, sql: str, args: tuple) -> None:
        """Queue one row (the lock is held); commit the group when it is big or old enough."""
        rows = self._pending.get(sql)
        if rows is None:
            rows = self._pending[sql] = []
        rows.append(args)
        self._uncommitted += 1
        if self._uncommitted >= COMMIT_EVERY or time.monotonic() - self._last_commit >= COMMIT_SECONDS:
            self._commit()

    def _commit(self) -> None:
        try:
            with self._db:
                for sql, rows in self._pending.items():
                    self._db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise EngineError(f"cannot write MT cache {self.path}: {exc}") from exc
        if self._pending.get(_PUT):
            self._empty = False
        self._pending.clear()
        self._pending_mt.clear()
        self._uncommitted = 0
        self._last_commit = time.monotonic()

    def commit(self) -> None:
        """Make every write so far durable (the run calls this when it ends)."""
        with self._lock:
            if self._uncommitted:
                self._commit()

    def record_mask_failure(self, engine: str, source: str, target: str, options: str, text: str) -> None:
        """Remember that the engine could not handle masked ``text``, so the next run sends it unmasked at once."""
        key = self._key(engine, source, target, options, text)
        self._write("INSERT OR REPLACE INTO unmasked VALUES (?, ?)", (key, time.time()))

    def mask_failed(self, engine: str, source: str, target: str, options: str, text: str) -> bool:
        """True if masked ``text`` failed before (lost tokens, echoed, rejected) with this engine."""
        key = self._key(engine, source, target, options, text)
        with self._lock:
            if self._uncommitted:
                self._commit()
            return self._db.execute("SELECT 1 FROM unmasked WHERE key = ?", (key,)).fetchone() is not None

    def record_fill(self, lang: str, context: str, msgid: str, msgstr: str) -> None:
        self._write("INSERT OR REPLACE INTO filled VALUES (?, ?, ?, ?)", (lang, context, msgid, msgstr))

    def was_filled(self, lang: str, context: str, msgid: str, msgstr: str) -> bool:
        """True if ``msgstr`` is exactly what MT last wrote for this entry (not edited since)."""
        with self._lock:
            if self._uncommitted:
                self._commit()
            row = self._db.execute(
                "SELECT msgstr FROM filled WHERE lang = ? AND context = ? AND msgid = ?", (lang, context, msgid)
            ).fetchone()
        return row is not None and row[0] == msgstr

    def __len__(self) -> int:
        with self._lock:
            if self._uncommitted:
                self._commit()
            return int(self._db.execute("SELECT COUNT(*) FROM mt").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._uncommitted:
                self._commit()
            self._db.close()
