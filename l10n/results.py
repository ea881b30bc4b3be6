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
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    fuzzy_used: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(translated=self.translated, fuzzy=self.fuzzy, missing=self.missing, fuzzy_used=self.fuzzy_used)


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


