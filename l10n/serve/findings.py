"""QA findings and risk for the desk, through the project's one check runner and risk score.

:func:`catalog_findings` checks a whole catalogue (catalogue-wide checks such as
``inconsistent`` need every entry) and is cached on the file's stamp, so a page
that polls does not re-run anything until someone saves; a save re-runs the checks
for that catalogue. The checks run through the one check runner
(:class:`l10n.checks.runner.CheckRunner`), so the desk, ``l10n review`` and ``l10n qa``
report the same findings.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..catalog import entry_key, file_stamp, iter_entries, read_catalog
from ..checks.base import SEVERITY_RANK, CheckContext, Finding
from ..checks.runner import CheckRunner
from ..glossary import Glossary
from ..risk import entry_risk

# Review state is shown as the entry's state, not repeated as a finding.
STATE_CHECKS = frozenset({"fuzzy", "untranslated"})

Key = tuple[str, str]


@dataclass(frozen=True)
class FindingView:
    severity: str
    check: str
    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class EntryQA:
    """One entry's findings and its explainable risk (:func:`l10n.risk.entry_risk`)."""

    findings: tuple[FindingView, ...] = ()
    risk: float = 0.0
    reasons: tuple[str, ...] = ()


def _view(finding: Finding) -> FindingView:
    return FindingView(finding.severity, finding.check, finding.message, finding.suggestion or "")


class FindingCache:
    """Findings per catalogue, recomputed only when the catalogue or the glossary changed."""

    def __init__(self, source_lang: str) -> None:
        self.source_lang = source_lang
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[object, dict[Key, EntryQA]]] = {}

    def catalog_findings(self, path: Path, lang: str, glossary: Glossary) -> dict[Key, EntryQA]:
        stamp = (file_stamp(path), file_stamp(glossary.path) if glossary.path else None, id(glossary))
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        found = check_catalog(path, lang, self.source_lang, glossary)
        with self._lock:
            self._cache[path] = (stamp, found)
        return found


def check_catalog(path: Path, lang: str, source_lang: str, glossary: Glossary) -> dict[Key, EntryQA]:
    """Every entry's findings from the one check runner (state checks left out), worst first.
    Catalogue-wide checks are prepared on the whole catalogue, as ``l10n qa`` does."""
    entries = list(iter_entries(read_catalog(path)))
    runner = CheckRunner(CheckContext(source_lang, lang, glossary), exclude=STATE_CHECKS)
    runner.prepare(entries)
    found: dict[Key, EntryQA] = {}
    for entry in entries:
        raw = [finding for finding, _ in runner.check_entry(entry)]
        risk = entry_risk(raw, entry)
        views = sorted((_view(f) for f in raw), key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
        found[entry_key(entry)] = EntryQA(tuple(views), risk.score, tuple(f"{why} ({p:.2f})" for why, p in risk.reasons))
    return found
