"""Norwegian→English MT pitfalls as data rules (``l10n/data/qa/pitfalls-nb-en.tsv``).

Each rule pairs a source pattern with a target pattern that, together, show a
typical false friend or mistranslation: "skal ha falt" → "must have fallen",
"mener" → "realizes", "rød løper" → "red runner". A target pattern starting with
``!`` flags its *absence* (a source negation with no negation in the target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .analysis import lowered, search
from .base import Check, CheckContext, Finding
from .data import read_rows
from .negation import prefixed_adjectives, said_otherwise
from .text import mask


@dataclass(frozen=True)
class PitfallRule:
    rule_id: str
    severity: str
    source: re.Pattern[str]
    target: re.Pattern[str]
    absent: bool
    message: str
    suggestion: str
    trigger: str = ""  # a word the source must contain for the rule to match (speed)


def required_literal(pattern: str) -> str:
    """The longest run of letters every match of ``pattern`` must contain ('' if unsure):
    groups, classes, escapes and optional letters are removed first."""
    text = re.sub(r"\\.", " ", pattern)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", " ", text)
    if "|" in text or "(" in text:
        return ""
    text = re.sub(r"\w[?*]|\w\{0", " ", text)
    runs = re.findall(r"[^\W\d_]{3,}", text)
    return max(runs, key=len).lower() if runs else ""


@lru_cache(maxsize=None)
def pitfall_rules(name: str = "pitfalls-nb-en.tsv") -> tuple[PitfallRule, ...]:
    rules = []
    for row in read_rows(name):
        rule_id, severity, src, tgt, message, suggestion = (list(row) + [""] * 6)[:6]
        absent = tgt.startswith("!")
        rules.append(PitfallRule(
            rule_id, severity, re.compile(src, re.IGNORECASE), re.compile(tgt[1:] if absent else tgt, re.IGNORECASE),
            absent, message, suggestion, required_literal(src)))
    return tuple(rules)


class PitfallCheck(Check):
    """False friends and constructions MT systematically gets wrong from Norwegian."""

    check_id = "mt-pitfall"
    name = "MT pitfall"
    description = "A known Norwegian→English MT error pattern (skal ha → must have, mener → realizes, lost negation …)."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        src, tgt = mask(source), mask(target)
        lower = src.lower()
        low_src, low_tgt = lowered(src), lowered(tgt)  # spans found on these are spans of src, tgt
        found = []
        for rule in pitfall_rules():
            if rule.trigger and rule.trigger not in lower:
                continue
            src_match = search(rule.source, src, low_src)
            if src_match is None:
                continue
            if rule.absent:  # the target must say it: a negating prefix (intolerant) or other words do too
                if search(rule.target, tgt, low_tgt) is None and not prefixed_adjectives(tgt) and not said_otherwise(source, target):
                    found.append(self._finding(rule, src_match.span(), "source"))
                continue
            tgt_match = search(rule.target, tgt, low_tgt)
            if tgt_match is not None:
                found.append(self._finding(rule, tgt_match.span(), "target"))
        return found

    def _finding(self, rule: PitfallRule, span: tuple[int, int], side: str) -> Finding:
        message = f"{rule.message} [{rule.rule_id}]"
        return self.finding(message, span, side=side, suggestion=rule.suggestion, severity=rule.severity or None)
