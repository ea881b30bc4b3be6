"""What the steps report: plain result objects, importable without the machinery behind them.

A run that finds everything fresh builds these from the stamps alone, so this module
must stay free of polib, the segmenter and rapidfuzz.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class MergeStats:
    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(kept=self.kept, fuzzy=self.fuzzy, new=self.new, obsolete=self.obsolete)


@dataclass
class BuildStats:
    """What went into one built article. ``in_source``: sentences published in the source
    language (fallback ``source`` or ``mark``); ``refused``: translations not used because
    they add HTML the source does not have (see :mod:`l10n.htmlguard`)."""

    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    fuzzy_used: int = 0
    in_source: int = 0
    refused: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(translated=self.translated, fuzzy=self.fuzzy, missing=self.missing, fuzzy_used=self.fuzzy_used,
                    in_source=self.in_source, refused=self.refused)


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


