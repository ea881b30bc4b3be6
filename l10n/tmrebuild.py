"""``l10n tm rebuild``: a new translation memory, filled from the project's catalogues.

The way out when the memory file is damaged (or suspected to be): the old file is moved
aside, never deleted (units imported from TMX files are only in it), and the reviewed
entries of every catalogue go into a fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .config import Config
from .errors import TMError
from .memory import DEFAULT_PATH, Counts, TranslationMemory

_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass
class Rebuilt:
    path: Path
    counts: Counts
    kept: Path | None  # where the old file now is


def rebuild_memory(config: Config) -> Rebuilt:
    from .incremental import update_memory

    section = config.section("memory")
    setting = section.get("path", DEFAULT_PATH)
    if section.get("enabled", True) is False or not setting:
        raise TMError("the translation memory is disabled ([memory] enabled = false or path = \"\")", config.path)
    path = config.resolve(setting)
    kept = None
    if path.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        kept = path.with_name(f"{path.name}.old-{stamp}")
        path.replace(kept)
        for suffix in _SIDECARS:
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    with TranslationMemory(path) as tm:
        counts = update_memory(config, tm)
    return Rebuilt(path, counts, kept)
