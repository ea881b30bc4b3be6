"""QA findings and risk for the desk, through the project's one check runner (switch point).

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

# Review state is shown as the entry's state, not repeated as a finding.
STATE_CHECKS = frozenset({"fuzzy", "untranslated"})

Key = tuple[str, str]


@dataclass(frozen=True)
class FindingView:
    severity: str
    check: str
    message: str
    suggestion: str = ""


def _view(finding: Finding) -> FindingView:
    return FindingView(finding.severity, finding.check, finding.message, finding.suggestion or "")


class FindingCache:
    """Findings per catalogue, recomputed only when the catalogue or the glossary changed."""

    def __init__(self, source_lang: str) -> None:
        self.source_lang = source_lang
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[object, dict[Key, list[FindingView]]]] = {}

    def catalog_findings(self, path: Path, lang: str, glossary: Glossary) -> dict[Key, list[FindingView]]:
        stamp = (file_stamp(path), file_stamp(glossary.path) if glossary.path else None, id(glossary))
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        found = check_catalog(path, lang, self.source_lang, glossary)
        with self._lock:
            self._cache[path] = (stamp, found)
        return found


def check_catalog(path: Path, lang: str, source_lang: str, glossary: Glossary) -> dict[Key, list[FindingView]]:
    """Every entry's findings from the one check runner (state checks left out), worst first.
    Catalogue-wide checks are prepared on the whole catalogue, as ``l10n qa`` does."""
    entries = list(iter_entries(read_catalog(path)))
    runner = CheckRunner(CheckContext(source_lang, lang, glossary), exclude=STATE_CHECKS)
    runner.prepare(entries)
    found: dict[Key, list[FindingView]] = {}
    for entry in entries:
        views = [_view(finding) for finding, _ in runner.check_entry(entry)]
        if views:
            found[entry_key(entry)] = sorted(views, key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
    return found


def error_count(findings: dict[Key, list[FindingView]]) -> int:
    return sum(1 for views in findings.values() for f in views if f.severity == "error")


def risk_score(state: str, findings: list[FindingView]) -> float:
    """How urgently an entry needs a person (higher first): its state plus severity points.
    Replaced by issue 11's explainable score (``l10n.risk``) once that lands."""
    base = {"untranslated": 3.0, "fuzzy": 1.0}.get(state, 0.0)
    return base + sum(SEVERITY_RANK.get(f.severity, 0) for f in findings)
