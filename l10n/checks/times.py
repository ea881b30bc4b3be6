"""Clock times, numeric dates and relative time words the numbers and dates checks miss.

"kl. 20.30" rendered "8:30 a.m." keeps the digits (so the numbers check is content) but
moves the event by twelve hours; "05.09.2021" rendered "9 May 2021" keeps every number;
"i fjor" rendered "this year" keeps no number at all. Relative time words are data rules
(``l10n/data/qa/time-words-nb-en.tsv``, the pitfall rule format).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .analysis import lowered, search
from .base import Check, CheckContext, Finding
from .pitfalls import PitfallRule, pitfall_rules
from .text import mask

_DIGIT = re.compile(r"\d")
_SOURCE_TIME = re.compile(r"(?:\b(?:kl|klokka|klokken)\.?\s*)?(?<![\d.,])([01]?\d|2[0-4])[.:]([0-5]\d)(?![\d]|[.,]\d)")
_SOURCE_HOUR = re.compile(r"\b(?:kl|klokka|klokken)\.?\s*([01]?\d|2[0-4])(?![\d.:,])")
_TARGET_TIME = re.compile(r"(?<![\d.,])(1[0-2]|0?\d)(?:[.:]([0-5]\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
# Words that make "kl. 8" a colloquial 12-hour time in the afternoon or evening; morning words
# (morgen, formiddag) agree with the 24-hour reading and make nothing vague.
_EVENING = re.compile(r"\b(?:kveld\w*|i\s*natt|natt(?:en)?|ettermiddag\w*)\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.(\d{4}|\d{2})(?![\d])")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH = re.compile(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b|\b{_MONTH_RE}\s+([0-3]?\d)(?:st|nd|rd|th)?\b", re.IGNORECASE)


def _source_halves(source: str) -> dict[tuple[int, int], set[str]]:
    """(hour on the 12-hour clock, minute) -> the halves of the day the source allows."""
    vague = _EVENING.search(source) is not None  # "kl. 8 i kveld": a colloquial 12-hour time
    found: dict[tuple[int, int], set[str]] = {}
    spans = []
    for m in _SOURCE_TIME.finditer(source):
        hour, minute = int(m.group(1)), int(m.group(2))
        spans.append(m.span())
        _add(found, hour, minute, vague)
    for m in _SOURCE_HOUR.finditer(source):
        if not any(s <= m.start() < e for s, e in spans):
            _add(found, int(m.group(1)), 0, vague)
    return found


def _add(found: dict[tuple[int, int], set[str]], hour: int, minute: int, vague: bool) -> None:
    half = "p" if 12 <= hour < 24 else "a"
    halves = found.setdefault((hour % 12, minute), set())
    halves.add(half)
    if vague and hour < 12:
        halves.add("p")


def _month(name: str) -> int:
    return next(i for i, full in enumerate(_MONTHS, start=1) if full.startswith(name.lower().rstrip(".")[:3]))


def target_dates(target: str) -> set[tuple[int, int]]:
    """(day, month) of dates written with a month name: "9 May", "May 9th", "5th of September"."""
    found = set()
    for m in _DAY_MONTH.finditer(target):
        day, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(day) <= 31:
            found.add((int(day), _month(name)))
    return found


@lru_cache(maxsize=65536)
def _source_rules(src: str) -> tuple[PitfallRule, ...]:
    """The relative-time rules whose source side holds in ``src`` (masked), in rule order:
    asked once per source text, however many translations it has."""
    lower, low = src.lower(), lowered(src)
    return tuple(rule for rule in pitfall_rules("time-words-nb-en.tsv")
                 if not (rule.trigger and rule.trigger not in lower) and search(rule.source, src, low))


class TimesCheck(Check):
    """A time moved by twelve hours, a date with day and month swapped, "last year" for "i år"."""

    check_id = "times"
    name = "Times and dates"
    description = ("A time, numeric date or relative time word changed: a.m./p.m. against the 24-hour source (20.30 → 8:30 a.m.), numeric dates (05.09.2021 → "
                   "9 May 2021), relative time words (i fjor → this year, tidlig → late).")
    severity = "error"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        src, tgt = mask(source), mask(target)
        found: list[Finding] = []
        if _DIGIT.search(src):
            found += self._clock(src, tgt) + self._numeric_dates(src, tgt)
        rules = _source_rules(src)
        low_tgt = lowered(tgt) if rules else None
        for rule in rules:
            if m := search(rule.target, tgt, low_tgt):
                found.append(self.finding(f"{rule.message} [{rule.rule_id}]", m.span(), suggestion=rule.suggestion,
                                          severity=rule.severity or None))
        return found

    def _clock(self, src: str, tgt: str) -> list[Finding]:
        if not _TARGET_TIME.search(tgt):
            return []
        halves = _source_halves(src)
        found = []
        for m in _TARGET_TIME.finditer(tgt):
            key = (int(m.group(1)) % 12, int(m.group(2) or 0))
            allowed = halves.get(key)
            if allowed and m.group(3).lower() not in allowed:
                when = "afternoon or evening" if "p" in allowed else "morning or night"
                found.append(self.finding(f"{m.group(0)!r}: the source's 24-hour time is in the {when}", m.span()))
        return found

    def _numeric_dates(self, src: str, tgt: str) -> list[Finding]:
        dates = [(int(m.group(1)), int(m.group(2)), m.span()) for m in _NUMERIC_DATE.finditer(src)
                 if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12]
        if not dates:
            return []
        written = target_dates(tgt)
        found = []
        for day, month, span in dates:
            if written and (day, month) not in written:
                wrong = ", ".join(f"{d} {_MONTHS[mo - 1].title()}" for d, mo in sorted(written))
                found.append(self.finding(f"{src[span[0]:span[1]]!r} is {day} {_MONTHS[month - 1].title()}; the "
                                          f"translation has {wrong}", span, side="source"))
        return found
