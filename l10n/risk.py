"""A risk score per entry that explains itself, so reviewers see the riskiest sentences first.

Each piece of evidence is a probability that the entry is wrong: a finding of check C
contributes the measured precision of C (``l10n/data/qa/risk-weights.tsv``, derived by
``bench/qa_real.py --weights`` on the tuning part of ../shared/data: how often C fires on
planted MT errors versus on professional translations, at an assumed 15 % error rate);
unreviewed machine translation, a fuzzy translation-memory match and a masking fallback
(placeholders lost, sent unprotected) are priors of their own. The pieces are combined as
independent evidence, ``1 - Π(1 - p)``, and reported as 0-100 with every reason and its
points, so the number can always be read back to what caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from .checks.base import Finding
from .checks.data import read_rows
from .entrymeta import has_provenance, is_fuzzy, provenance, provenance_value

_TM_SCORE = re.compile(r"(\d{1,3})%")
SEVERITY_DEFAULTS = {"error": 0.3, "warning": 0.15, "info": 0.0}


@dataclass(frozen=True)
class Risk:
    score: float  # 0-100
    reasons: tuple[tuple[str, float], ...]  # (why, probability it contributes)

    def as_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 1),
                "reasons": [{"reason": why, "weight": round(p, 3)} for why, p in self.reasons]}

    def explain(self) -> str:
        return f"risk {self.score:.0f}: " + "; ".join(f"{why} ({p:.2f})" for why, p in self.reasons) if self.reasons else "risk 0"


#: the risk of an entry with no finding and no provenance (what entry_risk computes for one)
NO_RISK = Risk(0.0, ())


@lru_cache(maxsize=None)
def weights() -> dict[str, float]:
    """Evidence name (a check id, or ``raw-mt``, ``tm-fuzzy``, ``masking-fallback``) -> probability."""
    return {row[0]: float(row[1]) for row in read_rows("risk-weights.tsv")}


def _finding_weight(finding: Finding, table: dict[str, float]) -> float:
    if finding.severity == "info":
        return 0.0
    base = table.get(finding.check, SEVERITY_DEFAULTS.get(finding.severity, 0.1))
    return base if finding.severity == "error" else base * table.get("warning-factor", 1.0)


def entry_risk(findings: Iterable[Finding], entry: Any = None) -> Risk:
    """The risk of one entry from its findings and its provenance."""
    findings = list(findings)
    if not findings and (entry is None or not getattr(entry, "comment", None)):
        return NO_RISK  # most entries: nothing found and no provenance to weigh
    table = weights()
    reasons: list[tuple[str, float]] = []
    seen: set[str] = set()
    for finding in sorted(findings, key=lambda f: -_finding_weight(f, table)):
        weight = _finding_weight(finding, table)
        if weight <= 0:
            continue
        if finding.check in seen:
            weight *= table.get("repeat-factor", 0.5)  # a second finding of one check adds less
        seen.add(finding.check)
        reasons.append((f"{finding.check}: {finding.message}", weight))
    if entry is not None and getattr(entry, "comment", None):  # provenance lives in the comment
        reasons += _provenance_reasons(entry, table)
    remaining = 1.0
    for _, p in reasons:
        remaining *= 1.0 - min(max(p, 0.0), 0.99)
    return Risk(100.0 * (1.0 - remaining), tuple(reasons))


def _provenance_reasons(entry: Any, table: dict[str, float]) -> list[tuple[str, float]]:
    reasons = []
    fuzzy = is_fuzzy(entry)
    if fuzzy and has_provenance(entry, "mt:"):
        reasons.append((f"raw machine translation ({provenance_value(entry, 'mt:')})", table.get("raw-mt", 0.2)))
    tm = provenance_value(entry, "tm:")
    if fuzzy and tm:
        m = _TM_SCORE.match(tm)
        score = int(m.group(1)) if m else 100
        if score < 100:
            reasons.append((f"translation-memory match {score}%", table.get("tm-fuzzy", 0.3) * (100 - score) / 30))
    if any(line.startswith("protect:") and "unprotected" in line for line in provenance(entry)):
        reasons.append(("masking fallback: sent without placeholder protection", table.get("masking-fallback", 0.25)))
    return reasons
