"""QA findings and risk for the desk, through the project's one check runner (switch point).

:func:`catalog_findings` checks a whole catalogue (catalogue-wide checks such as
``inconsistent`` need every entry) and is cached on the file's stamp, so a page
that polls does not re-run anything until someone saves. The checks run
through ``l10n.qa``, the library behind ``l10n qa``, so the desk and the command line
report the same findings.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..catalog import file_stamp
from ..checks.base import SEVERITY_RANK, Finding
from ..glossary import Glossary
from ..qa import run_qa

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
    """Every entry's findings (state checks left out), worst first."""
    result = run_qa([path], glossary=glossary, source_lang=source_lang, lang=lang, skip=tuple(STATE_CHECKS))
    found: dict[Key, list[FindingView]] = {}
    for finding in result.findings:
        found.setdefault((finding.msgctxt or "", finding.msgid), []).append(_view(finding))
    for views in found.values():
        views.sort(key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
    return found


def error_count(findings: dict[Key, list[FindingView]]) -> int:
    return sum(1 for views in findings.values() for f in views if f.severity == "error")


def risk_score(state: str, findings: list[FindingView]) -> float:
    """How urgently an entry needs a person (higher first): its state plus severity points.
    Replaced by issue 11's explainable score (``l10n.risk``) once that lands."""
    base = {"untranslated": 3.0, "fuzzy": 1.0}.get(state, 0.0)
    return base + sum(SEVERITY_RANK.get(f.severity, 0) for f in findings)
