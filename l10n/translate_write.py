"""The write step of a translate run: results into catalogue entries, catalogues onto disk.

Machine output is always ``fuzzy`` with a provenance line; an entry a person
changed on disk during the run wins over ours (read-merge-write). Flushing a
catalogue rewrites the whole file, so a large catalogue is written when as many
results as it has entries arrived since its last write, in practice once at the
end: the write cost of a run stays linear in its size. Small catalogues (an article's) are also
written every ``flush_interval`` seconds, so a reviewer sees results arrive.
Crash safety between flushes comes from the MT cache, which commits results in
groups as they arrive (the run's journal), so a rerun after a crash sends
nothing for them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .catalog import entry_key
from .entrymeta import set_fuzzy, set_provenance
from .locking import Snapshot, save_merged

FLUSH_MIN = 20
FLUSH_SHARE = 1.0  # a catalogue over FLUSH_SMALL is written when this share of it changed, and at the end
FLUSH_TIME_SHARE = 0.05  # a time-driven flush at most this share of the run's time
FLUSH_SMALL = 1000  # catalogues up to this size are also written every flush_interval seconds


@dataclass
class CatalogFile:
    """One catalogue being filled: the parsed file, its state when last read or written."""

    lang: str
    slug: str
    path: Path
    po: polib.POFile
    dirty: bool = False
    unflushed: int = 0
    snapshot: Snapshot | None = None  # the file as we last read or wrote it
    taken: set[tuple[str, str]] = field(default_factory=set)  # entries a person edited during the run

    def remember(self) -> None:
        self.snapshot = Snapshot.of(self.po)

    @property
    def size(self) -> int:
        return len(self.po)


class Writer:
    """Puts results into entries and writes changed catalogues, atomically and not too often."""

    def __init__(self, catalogs: list[CatalogFile], flush_every: int | None = None, flush_interval: float = 2.0,
                 dry_run: bool = False) -> None:
        """``flush_every``: write a catalogue after that many results; None: after
        ``max(FLUSH_MIN, FLUSH_SHARE × its entries)``, which keeps the write cost linear."""
        self.catalogs = catalogs
        self.flush_every, self.flush_interval, self.dry_run = flush_every, flush_interval, dry_run
        self.last_flush = time.monotonic()
        self.last_cost = 0.0  # seconds the last time-driven flush took
        self.unflushed = 0
        self.dirty: dict[int, CatalogFile] = {}  # catalogues written to since their last flush

    def write(self, cat: CatalogFile, entry: polib.POEntry, target: str, *provenance: str) -> bool:
        """Fill ``entry`` as fuzzy MT; False if a person translated it meanwhile."""
        if cat.taken and entry_key(entry) in cat.taken:
            return False  # someone translated it while we waited for the engine
        entry.msgstr = target
        set_fuzzy(entry)
        entry.previous_msgid = entry.previous_msgctxt = None
        set_provenance(entry, *provenance)
        cat.dirty = True
        self.dirty[id(cat)] = cat
        cat.unflushed += 1
        self.unflushed += 1
        return True

    def maybe_flush(self) -> None:
        """Write a catalogue when a share of it changed; all of them when enough time has passed."""
        for cat in list(self.dirty.values()):
            due = self.flush_every or max(FLUSH_MIN, int(FLUSH_SHARE * cat.size))
            if cat.unflushed >= due:
                self._flush_one(cat)
        now = time.monotonic()
        due = max(self.flush_interval, self.last_cost / FLUSH_TIME_SHARE)
        if self.unflushed and now - self.last_flush >= due:
            for cat in list(self.dirty.values()):
                if self.flush_every or cat.size <= FLUSH_SMALL:  # a big one waits for its share (above)
                    self._flush_one(cat)
            self.last_flush = time.monotonic()
            self.last_cost = self.last_flush - now

    def flush(self, last: bool = False) -> None:
        """Write every changed catalogue atomically (temporary file + rename); ``last``: the run
        writes nothing after this, so no snapshot of what was written is kept."""
        if self.dry_run:
            return
        for cat in self.catalogs:
            if cat.dirty:
                self._flush_one(cat, keep=not last)
        self.unflushed = 0
        self.last_flush = time.monotonic()

    def _flush_one(self, cat: CatalogFile, keep: bool = True) -> None:
        if self.dry_run:
            return
        # lock, merge edits made meanwhile, write
        taken, cat.snapshot = save_merged(cat.po, cat.path, cat.snapshot, keep=keep)
        cat.taken |= taken
        self.unflushed -= cat.unflushed
        cat.dirty, cat.unflushed = False, 0
        self.dirty.pop(id(cat), None)
