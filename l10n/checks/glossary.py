"""Glossary checks: approved renderings used, forbidden renderings absent.

The near miss of an approved term is reported by ``near-miss`` (names.py), which
shares the same analysis, so one corrupted name gives one finding, not two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .names import analyse


@lru_cache(maxsize=4096)
def _word_regex(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", re.IGNORECASE)


class GlossaryTermCheck(Check):
    """The glossary says how a term is translated; a source term without it is a deviation."""

    check_id = "glossary-term"
    name = "Glossary term"
    description = "A glossary term (any listed inflection) is in the source but its approved translation is not in the target."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        if not context.glossary:
            return []
        found = []
        for exp in analyse(source, target, context).missing:
            if exp.origin != "glossary":
                continue
            want = exp.alternatives[0]
            message = f"glossary: keep {want!r}" if want == exp.label else f"glossary: {exp.label!r} should be translated as {want!r}"
            found.append(self.finding(
                message,
                exp.span, side="source", suggestion=exp.alternatives[0], severity=exp.severity))
        return found


class GlossaryForbiddenCheck(Check):
    """Known wrong renderings ("Shojo", "the Vaults") must never reach readers."""

    check_id = "glossary-forbidden"
    name = "Forbidden rendering"
    description = "The translation contains a rendering the glossary forbids for a term."
    severity = "error"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        glossary = context.glossary
        if not glossary:
            return []
        in_source = {id(m.term) for m in glossary.find(source)}
        found = []
        for term in glossary.terms:
            if not term.forbidden or (id(term) not in in_source and term.type == "term"):
                continue
            for bad in term.forbidden:
                for m in _word_regex(bad).finditer(target):
                    found.append(self.finding(
                        f"forbidden rendering {m.group(0)!r}; use {term.target!r}", (m.start(), m.end()), suggestion=term.target))
        return found
