"""Omissions by coverage, clause by clause, not by length alone.

A dropped clause of 10-30 % of a sentence leaves the length within normal variation. What
it takes away is everything the clause said: its names, numbers and the words the two
languages share (Norwegian and English have many cognates: alarm, system, militær →
military). The check splits the source into clauses and asks, for each, how much of it can
be found in the translation. A clause of which almost nothing is found, in a translation
that is also clearly shorter than the source, is reported as probably left out. Without a
bilingual dictionary the check cannot see a clause translated without any shared word, so
it also demands the length shortfall: it is tuned to stay quiet on professional work
(bench/qa_real.py, tuning part).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import read_rows
from .names import _norm
from .text import mask

MIN_SOURCE_CHARS = 40
MAX_COVERAGE = 0.2   # share of a clause's words found in the translation
MAX_LENGTH_RATIO = 0.75  # target/source characters
_WORD = re.compile(r"[^\W\d_]{4,}|\d+")


@lru_cache(maxsize=None)
def _splitter(lang: str) -> re.Pattern[str]:
    words = next((row[1] for row in read_rows("clause-words.tsv") if row[0] == lang), "")
    alternatives = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words.split("|") if w)
    opener = rf"|\s(?=(?:{alternatives})\s)" if alternatives else ""
    return re.compile(rf"[,;:]\s+|\s[–—-]\s{opener}", re.IGNORECASE)


def clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text``."""
    spans, start = [], 0
    for m in _splitter(lang).finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _key(word: str) -> str:
    return word if word.isdigit() else _norm(word.lower())[:4]


class OmissionCheck(Check):
    """A clause of the source with almost nothing of it in a clearly shorter translation."""

    check_id = "omission"
    name = "Omitted clause"
    description = "A clause of the source has (almost) none of its names, numbers or shared words in a much shorter translation."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src, tgt = mask(source), mask(target)
        if len(src.strip()) < MIN_SOURCE_CHARS or len(tgt.strip()) >= MAX_LENGTH_RATIO * len(src.strip()):
            return None
        spans = clauses(src, "nb")
        if len(spans) < 2:
            return None
        present = {_key(w) for w in _WORD.findall(tgt)}
        worst: tuple[float, tuple[int, int]] | None = None
        for start, end in spans:
            words = _WORD.findall(src[start:end])
            if len(words) < 2:
                continue
            coverage = sum(_key(w) in present for w in words) / len(words)
            if worst is None or coverage < worst[0]:
                worst = (coverage, (start, end))
        if worst is None or worst[0] > MAX_COVERAGE:
            return None
        start, end = worst[1]
        return self.finding(f"the clause {source[start:end].strip()!r} seems to be missing from the translation "
                            f"({len(tgt.strip()) / len(src.strip()):.0%} of the source length)", (start, end), side="source")
