"""Locks: one per catalogue for every writer, one per project for ``l10n translate``.

A writer never writes a catalogue from a copy it read long ago without looking:
:func:`save_merged` takes the catalogue's lock, re-reads the file if it changed
since the writer's :class:`Snapshot` (a Poedit or Weblate save takes no lock, so
the content hash is what tells), merges the two so that nobody's change is lost
and a reviewed entry on disk is never replaced by a fuzzy or empty one, writes
atomically and releases. :func:`edit_catalog` wraps a short read-change-write in
the same way (``l10n review``, ``l10n update``, the browser desk).

Lock files live in the project's ``.l10n/locks/`` (ignored by git through a
``.gitignore`` written there); a catalogue outside any project gets a hidden
sibling ``.<name>.lock``.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import polib
from filelock import FileLock, Timeout

from .catalog import content_digest, is_translated, read_catalog, write_catalog
from .errors import L10nError

LOCK_DIR = Path(".l10n") / "locks"
CATALOG_LOCK_TIMEOUT = 120.0  # a catalogue lock is held for one read-merge-write: seconds at most
_HELD = threading.local()  # locks this thread holds, so nested use does not deadlock


class LockError(L10nError):
    """A lock could not be taken (another l10n process holds it)."""


def project_root(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that holds an ``l10n.toml``."""
    for folder in Path(os.path.abspath(path)).parents:
        if (folder / "l10n.toml").is_file():
            return folder
    return None


def lock_path(path: Path) -> Path:
    """Where the lock file of ``path`` lives (the same for every process)."""
    target = Path(os.path.abspath(path))
    root = project_root(target)
    if root is None:
        return target.with_name(f".{target.name}.lock")
    rel = target.relative_to(root).as_posix().replace("/", "%")
    return _lock_dir(root) / f"{rel}.lock"


def _lock_dir(root: Path) -> Path:
    folder = root / LOCK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# lock files of running l10n processes\n*\n", encoding="utf-8")
    return folder


@contextmanager
def catalog_lock(path: Path, timeout: float = CATALOG_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the catalogue's lock (re-entrant within one thread)."""
    where = lock_path(path)
    held: dict[Path, int] = _HELD.__dict__.setdefault("counts", {})
    if held.get(where):
        held[where] += 1
        try:
            yield
        finally:
            held[where] -= 1
        return
    lock = FileLock(where, timeout=timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LockError(f"{path}: catalogue is locked by another l10n process (lock file {where})") from exc
    held[where] = 1
    try:
        yield
    finally:
        held[where] = 0
        lock.release()


# --- snapshots and the merged save -------------------------------------------------

Key = tuple[bool, str, str]  # (obsolete, msgctxt, msgid)


def _key(entry: polib.POEntry) -> Key:
    return (bool(entry.obsolete), entry.msgctxt or "", entry.msgid)


def _state(entry: polib.POEntry) -> tuple:
    """Everything about an entry that a writer may change."""
    return (entry.msgid_plural, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())), tuple(entry.flags),
            entry.tcomment, entry.comment, entry.previous_msgid, entry.previous_msgctxt,
            entry.previous_msgid_plural, tuple(entry.occurrences))


def _header(po: polib.POFile) -> tuple:
    return (po.header, tuple(sorted(po.metadata.items())))


def file_digest(path: Path) -> str | None:
    try:
        return content_digest(path.read_bytes())
    except FileNotFoundError:
        return None


@dataclass
class Snapshot:
    """A catalogue as a writer last read or wrote it: the file's hash and each entry's state."""

    digest: str | None
    states: dict[Key, tuple] = field(default_factory=dict)
    header: tuple = ()

    @classmethod
    def of(cls, po: polib.POFile, digest: str | None = None) -> Snapshot:
        """The snapshot of ``po`` as just read or written (``read_catalog``/``write_catalog``
        record the hash of the exact bytes)."""
        digest = digest if digest is not None else getattr(po, "source_digest", None)
        return cls(digest, {_key(e): _state(e) for e in po}, _header(po))


def read_with_snapshot(path: Path) -> tuple[polib.POFile, Snapshot]:
    """Read a catalogue and remember how it was, for a later :func:`save_merged`."""
    po = read_catalog(path)
    return po, Snapshot.of(po)


def save_merged(po: polib.POFile, path: Path, snapshot: Snapshot | None,
                keep: bool = True) -> tuple[set[tuple[str, str]], Snapshot | None]:
    """Write ``po`` to ``path`` under the catalogue lock, first merging in whatever changed on
    disk since ``snapshot`` (None: the file was never read, so anything on disk is theirs).

    Returns the (msgctxt, msgid) keys whose state was taken from the disk (so a writer can
    stop filling them) and the new snapshot (None unless ``keep``: a last write needs none,
    and on a large catalogue it costs a pass over every entry). ``po`` is changed in place.
    """
    with catalog_lock(path):
        taken: set[tuple[str, str]] = set()
        current = file_digest(path)
        if current is not None and (snapshot is None or current != snapshot.digest):
            taken = merge_disk(po, read_catalog(path), snapshot)
        write_catalog(po, path)
        return taken, Snapshot.of(po) if keep else None


@contextmanager
def edit_catalog(path: Path) -> Iterator[polib.POFile]:
    """Read a catalogue under its lock, let the caller change it, save if it changed.

    A save that slipped in without a lock (Poedit) is merged, as in :func:`save_merged`.
    """
    with catalog_lock(path):
        po, snapshot = read_with_snapshot(path)
        yield po
        if Snapshot.of(po, snapshot.digest) != snapshot:
            save_merged(po, path, snapshot)


def merge_disk(po: polib.POFile, disk: polib.POFile, base: Snapshot | None) -> set[tuple[str, str]]:
    """Three-way merge into ``po`` (ours) of ``disk`` (theirs) against ``base``.

    A change on one side only is taken; where both changed an entry, a reviewed one beats
    a fuzzy or empty one, and otherwise theirs (a person's save) wins. A reviewed entry on
    disk is never replaced by a fuzzy or empty one. Returns the keys taken from disk.
    """
    states = base.states if base is not None else {}
    ours = {_key(e): e for e in po}
    taken: set[tuple[str, str]] = set()
    for theirs in disk:
        key = _key(theirs)
        mine, before = ours.get(key), states.get(key)
        if mine is None:
            if before is None or _state(theirs) != before:  # they added it, or changed what we dropped
                po.append(_copy(theirs))
                taken.add(key[1:])
            continue
        if _state(theirs) == _state(mine) or _state(theirs) == before and not _demotes(mine, theirs):
            continue
        if _state(mine) == before or _theirs_wins(mine, theirs):
            _take(mine, theirs)
            taken.add(key[1:])
    seen = {_key(e) for e in disk}
    for key, mine in list(ours.items()):  # they removed an entry we still have
        if key not in seen and key in states and (_state(mine) == states[key] or not is_translated(mine)):
            po.remove(mine)
    if base is not None and _header(disk) != base.header and _header(po) == base.header:
        po.header, po.metadata = disk.header, dict(disk.metadata)
    return taken


def _demotes(mine: polib.POEntry, theirs: polib.POEntry) -> bool:
    """Ours would replace a reviewed translation with a fuzzy or empty one."""
    return is_translated(theirs) and not is_translated(mine)


def _theirs_wins(mine: polib.POEntry, theirs: polib.POEntry) -> bool:
    if _demotes(mine, theirs):
        return True
    return not (is_translated(mine) and not is_translated(theirs))


def _take(mine: polib.POEntry, theirs: polib.POEntry) -> None:
    """Copy the translator-owned fields of ``theirs`` onto ``mine``."""
    mine.msgstr, mine.msgstr_plural = theirs.msgstr, dict(theirs.msgstr_plural)
    mine.flags, mine.tcomment, mine.comment = list(theirs.flags), theirs.tcomment, theirs.comment
    mine.previous_msgid, mine.previous_msgctxt = theirs.previous_msgid, theirs.previous_msgctxt
    mine.previous_msgid_plural = theirs.previous_msgid_plural


def _copy(entry: polib.POEntry) -> polib.POEntry:
    twin = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural,
                         occurrences=list(entry.occurrences), obsolete=entry.obsolete)
    _take(twin, entry)
    return twin


# --- the project's translate-run lock ----------------------------------------------

@contextmanager
def run_lock(root: Path, name: str = "translate", wait: bool = False) -> Iterator[None]:
    """Only one ``l10n <name>`` per project at a time: a second one stops with
    ``another translate is running (pid N)`` or, with ``wait``, waits for the first."""
    folder = _lock_dir(Path(root))
    lock = FileLock(folder / f"{name}.lock", timeout=-1 if wait else 0)
    pid_file = folder / f"{name}.pid"
    try:
        lock.acquire()
    except Timeout:
        raise LockError(f"another {name} is running (pid {_read_pid(pid_file)}) in {root}; "
                        f"wait for it, or pass --wait to start when it ends") from None
    try:
        pid_file.write_text(f"{os.getpid()}\n", encoding="ascii")
        yield
    finally:
        try:
            pid_file.unlink()
        except FileNotFoundError:
            pass
        lock.release()


def _read_pid(pid_file: Path) -> str:
    try:
        return pid_file.read_text(encoding="ascii").strip() or "unknown"
    except OSError:
        return "unknown"
