"""Negation per clause: dropping one of two negations reverses half a sentence.

mt-pitfall's negation-lost rule asks only whether the translation has *some* negation,
so "Han kom ikke, og hun ble ikke" rendered "He did not come, and she stayed" passes it.
This check counts: a source with two or more plain negators whose translation keeps at
least one but fewer than the source has lost one (a translation with none is the
pitfall rule's, and English may say the first in other words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import read_rows
from .text import lang_base, mask


@lru_cache(maxsize=None)
def negators(lang: str) -> re.Pattern[str] | None:
    row = next((r for r in read_rows("negation-nb-en.tsv") if r[0] == lang), None)
    return re.compile(row[1], re.IGNORECASE) if row else None


class NegationCountCheck(Check):
    """One of several negations dropped in translation."""

    check_id = "negation"
    name = "Negation dropped"
    description = "The source has two or more negations (ikke, aldri, ingen …); the translation keeps fewer."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src_re, tgt_re = negators(lang_base(context.source_lang)), negators(lang_base(context.target_lang))
        if src_re is None or tgt_re is None:
            return None
        found = list(src_re.finditer(mask(source)))
        if len(found) < 2:
            return None
        kept = len(tgt_re.findall(mask(target)))
        if 1 <= kept < len(found):
            last = found[-1]
            return self.finding(f"the source has {len(found)} negations, the translation {kept}: one clause may have "
                                "lost its negation", last.span(), side="source", suggestion="check every clause's meaning")
        return None
