"""Quantities with units: "50 km" may become "31 miles", never "50 miles".

Units are a data table (``l10n/data/qa/units.tsv``: forms, dimension, factor to a base
unit) rather than ``pint``: the table knows the Norwegian and English word forms news
text uses ("timer", "kuldegrader", "year-old"), which pint's registry does not, and it
loads in a millisecond where pint's registry takes most of a second.

A target quantity must equal a source quantity of the same dimension after conversion,
within the rounding the target figure shows (250 kg → 550 pounds passes, 30 °C → 30 °F
does not). Time spans count: "to timer" → "two minutes" is flagged. A compound measure,
parts of one dimension joined by "og"/"and" or a comma ("ett år og seks måneder", "1 m 80 cm"),
is also one amount, so "18 months" renders it and "1 year and 6 months" renders "18 måneder".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import number_words, read_rows
from .numbers import parse_numeral
from .text import lang_base, mask


@dataclass(frozen=True)
class Unit:
    name: str
    dimension: str
    factor: float
    offset: float


@dataclass(frozen=True)
class Quantity:
    values: tuple[float, ...]  # the number as written (several readings for "10.000")
    unit: Unit
    start: int
    end: int

    def bases(self) -> list[float]:
        return [v * self.unit.factor + self.unit.offset for v in self.values]


_NUMERAL = r"\d+(?:[.,\u00a0\u202f ]\d+)*"
_HALF = {"nb": r"(?P<half>halvtime(?:n|r|ns)?|en\s+halv\s+time)", "en": r"(?P<half>half\s+an\s+hour|half-hour)"}


@lru_cache(maxsize=None)
def _table(lang: str) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Unit], ...]]:
    """One regex for number + unit in ``lang``, and each unit's forms (multi-word forms first,
    so "miles per hour" is a speed, not miles)."""
    rows = sorted((row for row in read_rows("units.tsv") if row[0] == lang), key=lambda r: not re.search(r"\\s|/", r[5]))
    units = tuple((re.compile(rf"(?:{row[5]})\Z", re.IGNORECASE), Unit(row[1], row[2], float(row[3]), float(row[4]))) for row in rows)
    words = sorted((w for w, v in number_words(lang).items() if v >= 0.5 and " " not in w), key=len, reverse=True)
    forms = "|".join(f"(?:{row[5]})" for row in rows)
    number = rf"(?P<sign>[-−–]|minus\s+|\+)?(?P<num>{_NUMERAL}|(?:{'|'.join(words)}))"
    pattern = re.compile(rf"(?<![\w.,]){number}(?:\s*-\s*|[\s\u00a0\u202f]*)(?P<unit>{forms})(?![\w²/])|{_HALF.get(lang, '(?!)')}",
                         re.IGNORECASE)
    return pattern, units


def _unit_of(text: str, lang: str) -> Unit | None:
    for pattern, unit in _table(lang)[1]:
        if pattern.match(text):
            return unit
    return None


@lru_cache(maxsize=16384)
def quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every number-with-unit in ``text``: "2 timer", "two hours", "30 °C", "13-year-old"."""
    base = lang_base(lang)
    if base not in ("nb", "en") and not any(ch.isdigit() for ch in text):
        return ()
    pattern = _table(base)[0]
    words = number_words(base)
    found = []
    for m in pattern.finditer(mask(text)):
        if m.group("half"):
            found.append(Quantity((0.5,), _unit_of("time" if base == "nb" else "hour", base) or Unit("h", "time", 3600, 0), m.start(), m.end()))
            continue
        unit = _unit_of(m.group("unit"), base)
        if unit is None:
            continue
        num = m.group("num")
        if num[0].isdigit():
            values = tuple(v[1] for v in parse_numeral(num.replace(" ", "\u00a0"), lang)[0] if v[0] == "n")
        else:
            values = (words[num.lower()],)
        if not values:
            continue
        sign = (m.group("sign") or "").strip()
        if sign and sign != "+" and unit.dimension == "temperature":
            values = tuple(-v for v in values)
        found.append(Quantity(values, unit, m.start(), m.end()))
    return tuple(found) + _sums(found, mask(text))


_JOINT = re.compile(r"\s*(?:,|og|and|,\s*and)?\s*\Z", re.IGNORECASE)


def _sums(found: list[Quantity], text: str) -> tuple[Quantity, ...]:
    """Runs of quantities of one dimension, bigger unit first, joined by "og"/"and"/a comma or
    nothing: one amount in the base unit ("ett år og seks måneder" = 18 months)."""
    sums = []
    run: list[Quantity] = []
    for q in [*found, None]:
        if (q is not None and run and q.unit.dimension == run[-1].unit.dimension and q.unit.factor < run[-1].unit.factor
                and run[-1].unit.factor > 0 and q.unit.factor > 0 and _JOINT.match(text[run[-1].end:q.start])):
            run.append(q)
            continue
        if len(run) >= 2 and all(len(p.values) == 1 for p in run):
            total = sum(p.bases()[0] for p in run)
            sums.append(Quantity((total,), Unit("sum", run[0].unit.dimension, 1.0, 0.0), run[0].start, run[-1].end))
        run = [q] if q is not None else []
    return tuple(sums)


def _tolerance(value: float) -> float:
    """How far off a figure written like ``value`` may be: its rounding (at most a quarter), or 8 %."""
    value = abs(value)
    if value >= 10 and float(value).is_integer():
        digits = str(int(value))
        zeros = len(digits) - len(digits.rstrip("0"))
        rounding = min(0.5 * 10 ** zeros, 0.25 * value)  # "100" is 75-125, not 50-150: 100 km is no 100 miles
    elif float(value).is_integer():
        rounding = 0.5
    else:
        decimals = len(f"{value:.6g}".split(".")[1]) if "." in f"{value:.6g}" else 0
        rounding = 0.5 * 10 ** -decimals
    return max(rounding, 0.08 * value)


def same_amount(target: Quantity, source: Quantity) -> bool:
    if target.unit.dimension != source.unit.dimension:
        return False
    for t_value, t_base in zip(target.values, target.bases()):
        tol = _tolerance(t_value) * abs(target.unit.factor)
        if any(math.isclose(t_base, s_base, abs_tol=tol + 1e-9) for s_base in source.bases()):
            return True
    return False


class UnitsCheck(Check):
    """A unit or converted amount changed: "50 km" → "50 miles", "+30 °C" → "+30 °F"."""

    check_id = "units"
    name = "Units"
    description = "A quantity with a unit (km, kg, °C, hours, per cent …) differs from the source after conversion."
    severity = "error"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        src = quantities(source, context.source_lang)
        if not src:
            return []
        tgt = quantities(target, context.target_lang)
        summed = [(q.start, q.end) for q in tgt if q.unit.name == "sum" and any(same_amount(q, s) for s in src)]
        found = []
        for q in tgt:
            if q.unit.name == "sum" or any(same_amount(q, s) for s in src) or any(a <= q.start and q.end <= b for a, b in summed):
                continue
            same_dim = [s for s in src if s.unit.dimension == q.unit.dimension and s.unit.name != "sum"]
            same_number = [s for s in src if set(s.values) & set(q.values) and s.unit.name != "sum"]
            if same_dim:
                was = ", ".join(source[s.start:s.end] for s in same_dim)
                found.append(self.finding(f"{target[q.start:q.end]!r} does not match {was!r} in the source", (q.start, q.end)))
            elif same_number:
                was = source[same_number[0].start:same_number[0].end]
                found.append(self.finding(f"{target[q.start:q.end]!r}: the unit differs from {was!r} in the source", (q.start, q.end)))
        return found
