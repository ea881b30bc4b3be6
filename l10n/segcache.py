"""The segments of each article, kept under ``.l10n/segments/`` for the next command.

``l10n extract`` segments an article to make its template and ``l10n build`` needs the
same segments to put the translations back; run as separate commands, the build would
segment every article again. Segmenting is a pure function of the article's bytes, its
file name (the suffix picks the parser), the source language and the l10n version, so
they are stored under a stamp of exactly those and a later step uses them only when the
stamp matches. They are stored by a command that segments without building (``l10n
extract``) and by a build that found none; ``l10n run`` extracts and builds with the same
segments in memory and stores nothing. Like the state file this is only a cache: a
missing, stale or unreadable entry means "segment again", and writes are atomic and
never fail a command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .state import stamp

if TYPE_CHECKING:
    from .extract import Segment

FOLDER = ".l10n/segments"


def key(rel_path: str, article_hash: str, lang: str) -> str:
    return stamp("segments", rel_path, article_hash, lang)


def load(root: Path, slug: str, wanted: str) -> list[Segment] | None:
    """The cached segments of ``slug`` if they were stored under ``wanted``, else None."""
    from .extract import Segment

    try:
        data = json.loads((root / FOLDER / f"{slug}.json").read_bytes())
        if data.get("key") != wanted:
            return None
        return [Segment(*row) for row in data["segments"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def store(root: Path, slug: str, stored_key: str, segments: list[Segment]) -> None:
    """Keep ``segments`` for the next command (no error if that cannot be done)."""
    from .fsutil import atomic_write_bytes

    rows = [[s.msgid, s.msgctxt, s.kind, s.start, s.end, s.line, s.block] for s in segments]
    data = json.dumps({"key": stored_key, "segments": rows}, ensure_ascii=False, separators=(",", ":"))
    try:
        atomic_write_bytes(root / FOLDER / f"{slug}.json", data.encode("utf-8"), durable=False)
    except Exception:  # noqa: BLE001 - a read-only .l10n/ must not fail the command
        return
