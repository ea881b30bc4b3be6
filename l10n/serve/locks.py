"""The one place the desk takes catalogue and glossary locks (switch point).

The command line and the desk must serialise on the *same* lock files, so the
desk uses :mod:`l10n.locking` when it is there. Until then a ``filelock`` lock
at the path that module uses (``.l10n/locks/<relative path with %>.lock``)
stands in, so both sides already meet on one file.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import polib

from ..catalog import read_catalog, write_catalog
from ..errors import L10nError

try:  # the project-wide lock API (issue 10); preferred whenever present
    from ..locking import catalog_lock as _catalog_lock, edit_catalog as _edit_catalog
except ImportError:  # pragma: no cover - exercised only before l10n.locking exists
    _catalog_lock = _edit_catalog = None

LOCK_TIMEOUT = 30.0


class DeskLockError(L10nError):
    """Another process holds a catalogue lock for too long."""


def _fallback_lock_path(path: Path) -> Path:
    target = Path(os.path.abspath(path))
    for folder in target.parents:
        if (folder / "l10n.toml").is_file():
            locks = folder / ".l10n" / "locks"
            locks.mkdir(parents=True, exist_ok=True)
            return locks / (target.relative_to(folder).as_posix().replace("/", "%") + ".lock")
    return target.with_name(f".{target.name}.lock")


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold the lock of ``path`` (a catalogue or the glossary) for one read-change-write."""
    if _catalog_lock is not None:
        with _catalog_lock(path):
            yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(_fallback_lock_path(path), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout as exc:
        raise DeskLockError(f"{path}: locked by another l10n process") from exc
    try:
        yield
    finally:
        lock.release()


@contextmanager
def edit_catalog(path: Path) -> Iterator[polib.POFile]:
    """Read ``path`` under its lock, let the caller change it, write it atomically."""
    if _edit_catalog is not None:
        with _edit_catalog(path) as po:
            yield po
        return
    with file_lock(path):
        po = read_catalog(path)
        yield po
        write_catalog(po, path)
