"""Negation counted on both sides: a dropped negation reverses a clause.

mt-pitfall's negation-lost rule asks only whether the translation has *some* negation-like
word (it accepts "yet", "only", "rather", an un- prefix anywhere), so "Tom har ikke fortalt
oss" rendered "Tom has yet told us" passes it, and so does "Han kom ikke, og hun ble ikke"
rendered "He did not come, and she stayed". This check counts plain negators (data:
``negation-nb-en.tsv``):

- a source with two or more whose translation keeps at least one but fewer has lost one;
- a source with one or more whose translation has none must say it in other words
  ("unable", "fail", "non-", "keep from"), and an English un- word that renders a Norwegian
  u- word ("urealistiske" -> "unrealistic") does not count for the "ikke".

Negation said in other words counts on the translation's side in both cases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import nb_zipf, read_rows
from .text import lang_base, mask

_U_WORD = re.compile(r"\bu([a-zæøå]{4,})", re.IGNORECASE)


@lru_cache(maxsize=None)
def negators(lang: str) -> re.Pattern[str] | None:
    row = next((r for r in read_rows("negation-nb-en.tsv") if r[0] == lang), None)
    return re.compile(row[1], re.IGNORECASE) if row else None


def u_words(text: str) -> int:
    """Norwegian words negated by a u- prefix: umulig, ukjent, urealistiske (u + a Norwegian word)."""
    zipf = nb_zipf()
    return sum(1 for rest in _U_WORD.findall(text) if zipf.get(rest.lower(), (0.0, 0.0))[0] >= 3.0)


class NegationCountCheck(Check):
    """A negation of the source dropped in translation."""

    check_id = "negation"
    name = "Negation dropped"
    description = ("The source negates (ikke, aldri, ingen …) and the translation has fewer negations, or none, "
                   "not even in other words.")
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src_lang, tgt_lang = lang_base(context.source_lang), lang_base(context.target_lang)
        src_re, tgt_re = negators(src_lang), negators(tgt_lang)
        if src_re is None or tgt_re is None:
            return None
        src = mask(source)
        found = [m for m in src_re.finditer(src) if not _inside_name(src, m.start())]
        if not found:
            return None
        tgt = mask(target)
        kept = len(tgt_re.findall(tgt))
        other = negators(f"{tgt_lang}-other")
        if other is not None and (kept == 0 or kept < len(found)):
            kept += max(0, len(other.findall(tgt)) - (u_words(src) if src_lang == "nb" else 0))
        last = found[-1]
        if kept == 0 and all(m.group(0).lower() in _WEAK for m in found):
            return None  # "uten" alone is often said positively: missing, stripped of, by far
        if kept == 0:
            return self.finding("the source negates, the translation has no negation, not even in other words: "
                                "the meaning may be reversed", last.span(), side="source", suggestion="check the negation")
        if len(found) >= 2 and kept < len(found):
            return self.finding(f"the source has {len(found)} negations, the translation {kept}: one clause may have "
                                "lost its negation", last.span(), side="source", suggestion="check every clause's meaning")
        return None


#: source negators too often rendered without any negation to report on their own (counted
#: against the translation's negators when the source has others)
_WEAK = frozenset({"uten"})

_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s+$")


def _inside_name(text: str, start: int) -> bool:
    """A negator inside a name: the word before it is capitalised mid-sentence (Leger uten grenser)."""
    before = _PREVIOUS_WORD.search(text[max(0, start - 40):start])
    if before is None or not before.group(1)[:1].isupper():
        return False
    head = text[:start - len(before.group(0))].rstrip()
    return bool(head) and head[-1] not in ".!?:«\"“"
