"""Numbers, times and dates, compared as values with the source and target locales (Babel).

"2,5 mill." and "2.5 million" are the same value; "kl. 10.30" and "10:30 a.m." the
same time; "tirsdag" and "Tuesday" the same day. Numerals must match on both sides;
number words ("to" = "two") and month names only count as evidence, never as demands,
so spelling a small number out is not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from .analysis import finditer, lowered, search
from .base import Check, CheckContext, Finding
from .data import nb_zipf, number_scales, number_words, read_rows, read_words
from .text import lang_base, mask

# A no-break space before a numeral is Norwegian typography ("kl.\u00a010.30", "nr.\u00a05");
# only after a digit is it a thousands separator, whose stray groups are not numbers of their own.
NUM_RE = re.compile(
    r"(?<![\w.,])(?<!\d[\u00a0\u202f])(\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d.])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,:]\d+)*)"
)
_AFTER_RE = re.compile(r"(\s*)([^\W\d_]+\.?|['’]?s\b)?")
_TIME_BEFORE_RE = re.compile(r"(?:\bkl\.?|\bklokk(?:a|en)|\bat|\bby|\buntil|\bfrom|\bfra|\btil)\s*$", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(r"\s*(?:[ap]\.?\s?m\b\.?|o['’]clock\b|hours?\b|hrs\b|h\b|-?tiden\b)", re.IGNORECASE)  # 14-tiden
_SPACES = " \u00a0\u202f"
_DIGIT = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[^\W\d_]{4,}")
_WORD3_RE = re.compile(r"[^\W\d_]{3,}")
_MONTH_CONTEXT = {"in", "of", "since", "until", "by", "early", "late", "mid", "from", "last", "next", "this", "end", "i", "fra", "til", "av", "innen", "før", "etter", "before", "after"}


@dataclass(frozen=True)
class Quantity:
    values: frozenset[tuple]
    start: int
    end: int
    malformed: bool = False


def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


@lru_cache(maxsize=65536)
def parse_numeral(token: str, lang: str) -> tuple[frozenset[tuple], bool]:
    """Values a numeral can mean in ``lang`` and whether the locale would reject its format."""
    if ":" in token:
        return _as_time(token.replace(":", ".")), False
    locale = _locale(lang)
    group = get_group_symbol(locale) if locale else ","
    normal = "".join(group if ch in _SPACES and group in _SPACES else ch for ch in token)
    decimal = get_decimal_symbol(locale) if locale else "."
    if decimal == "," and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return frozenset({("n", float(token.replace(".", "")))}), False  # 10.000 = ti tusen
    value = _strict(normal, locale)
    if value is not None:
        times = _as_time(token) if "." in token else frozenset()
        if decimal == "," and re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
            times |= {("n", float(token.replace(",", "")))}  # 10,000 written the English way
        return frozenset({("n", _round(value))}) | times, False
    times = _as_time(token)
    if times:
        return times, False
    # Not valid for this locale: read it the way the other convention would, flag the format.
    plain = token.translate({ord(c): None for c in _SPACES})
    other = plain.replace(".", "").replace(",", ".") if decimal == "." else plain.replace(",", "")
    try:
        return frozenset({("n", _round(float(other)))}), True
    except ValueError:
        return frozenset(), True


def _strict(token: str, locale: Locale | None) -> float | None:
    try:
        return float(parse_decimal(token, locale=locale or "en", strict=True))
    except (NumberFormatError, ValueError):
        return None


def _as_time(token: str) -> frozenset[tuple]:
    m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", token)
    if m and int(m.group(1)) <= 24 and int(m.group(2)) < 60:
        return frozenset({("t", int(m.group(1)) % 12, int(m.group(2)))})
    return frozenset()


def _round(value: float) -> float:
    return float(f"{value:.6g}")


@lru_cache(maxsize=32768)  # numbers and number-format ask about the same text; sources recur
def extract(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every numeral in ``text`` (URLs and Markdown link targets ignored) with its values."""
    masked = mask(text)
    scales = number_scales(lang_base(lang))
    found = []
    for m in NUM_RE.finditer(masked):
        if m.group(1).count(".") + m.group(1).count("/") == 2:
            found.extend(Quantity(frozenset({("n", float(p))}), m.start(), m.end()) for p in re.split(r"[./]", m.group(1)))
            continue
        values, malformed = parse_numeral(m.group(1), lang)
        values = set(values)
        after = _AFTER_RE.match(masked, m.end())
        word = (after.group(2) or "").lower() if after else ""
        scale = scales.get(word.rstrip("."))
        if scale and (len(word.rstrip(".")) > 1 or not after.group(1)):
            scaled = {("n", _round(v[1] * scale)) if v[0] == "n" else v for v in values}
            values = scaled if len(word.rstrip(".")) > 1 else values | scaled  # 100m: metres or million
        if masked.startswith("-tal", m.end()):
            values |= {("n", v[1] // 100 + 1) for v in values if v[0] == "n" and v[1] % 100 == 0}  # 1500-tallet
        if _DECADE_AFTER.match(masked, m.end()):  # 80-tallet, 50-årene: the 1980s, the fifties
            values |= {("n", c + v[1]) for v in values if v[0] == "n" and v[1] in _DECADES for c in (1900.0, 2000.0)}
        if _TIME_AFTER_RE.match(masked, m.end()) or _TIME_BEFORE_RE.search(masked[max(0, m.start() - 12): m.start()]):
            values |= {("t", int(v[1]) % 12, 0) for v in values if v[0] == "n" and float(v[1]).is_integer() and v[1] <= 24}
        found.append(Quantity(frozenset(values), m.start(), m.end(), malformed))
    return tuple(found)


@lru_cache(maxsize=32768)
def evidence(text: str, lang: str) -> frozenset[tuple]:
    """Values the text expresses in any way: numerals, number words, month numbers (cached:
    a source recurs with other targets, so it is frozen)."""
    found: set[tuple] = set()
    for q in extract(text, lang):
        found |= q.values
    words = number_words(lang_base(lang))
    scales = number_scales(lang_base(lang))
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    compounds = _compounds(lang_base(lang))  # compound_number without a call per word
    for i, tok in enumerate(tokens):
        value = words.get(tok) or compounds.get(tok)
        if value:
            found.add(("n", _round(value)))
            if value in (20, 30, 40, 50, 60, 70, 80, 90) and i + 1 < len(tokens) and words.get(tokens[i + 1], 10) < 10:
                found.add(("n", _round(value + words[tokens[i + 1]])))  # twenty-four, twenty-fourth
            if i + 1 < len(tokens) and tokens[i + 1] in scales:
                found.add(("n", _round(value * scales[tokens[i + 1]])))
    for m in re.finditer(r"\b([IVX]{2,5})\b", text):
        found.add(("n", float(_roman(m.group(1)))))
    for m in _REGNAL_RE.finditer(text):  # World War I, Elizabeth I: one letter after a name
        found.add(("n", float(_roman(m.group(1)))))
    for m in _GLUED_RE.finditer(text):  # F1, p109, G20: a figure glued to letters
        found.add(("n", float(m.group(0))))
    implied, phrases = _implied(lang_base(lang))
    if phrases:
        low = text.lower()
        found |= {("n", value) for phrase, values in phrases for value in values if phrase in low and re.search(rf"\b{re.escape(phrase)}\b", low)}
    for i, tok in enumerate(tokens):
        if tok in implied:
            found |= {("n", value) for value in implied[tok]}  # døgnet: 24 hours
        if tok not in words:
            value = number_prefix(tok, lang) if len(tok) >= 7 else None  # shorter words are no compound
            if value:
                found.add(("n", value))  # trettenåring (13-year-old), femdobbel
        elif tok in _HALF and i + 1 < len(tokens) and words.get(tokens[i + 1], 0) >= 1:
            hour = words[tokens[i + 1]] - 1  # "halv tre" is half past two
            found |= {("n", hour), ("t", int(hour) % 12, 30)}
    for month, _, _ in calendar_names(text, lang, "month"):
        found.add(("n", float(month)))
    return frozenset(found)


@lru_cache(maxsize=None)
def _implied(lang: str) -> tuple[dict[str, tuple[float, ...]], tuple[tuple[str, tuple[float, ...]], ...]]:
    """Words implying numbers (midnight: 24 and 0), and phrases of several words ("three quarters": 75)."""
    words: dict[str, tuple[float, ...]] = {}
    for row in read_rows("implied-numbers.tsv"):
        if row[0] == lang:
            for w in row[2].split("|"):
                words[w] = words.get(w, ()) + (float(row[1]),)
    phrases = tuple((w, v) for w, v in words.items() if " " in w or "-" in w)
    return {w: v for w, v in words.items() if " " not in w and "-" not in w}, phrases


_DECADES = frozenset(float(v) for v in range(10, 100, 10))
_DECADE_AFTER = re.compile(r"-(?:tall|år)", re.IGNORECASE)
_REGNAL_RE = re.compile(r"(?<=[\w,] )[A-Z][a-z]+ ([IVX])\b(?!['’]\w)")
_GLUED_RE = re.compile(r"(?<=[^\W\d_])\d+(?!\d|[.,:]\d)")
_HALF = frozenset({"halv"})


@lru_cache(maxsize=65536)
def number_prefix(word: str, lang: str) -> float | None:
    """A number word opening a compound of a known word: "trettenåring" (13), "femdobbel" (5);
    the rest must be a word of its own of four letters or more ("trener" is no three)."""
    if len(word) < 7:
        return None
    words = number_words(lang_base(lang))
    lexicon = nb_zipf() if lang_base(lang) == "nb" else {}
    for cut in range(3, min(len(word) - 3, 9)):
        value = words.get(word[:cut])
        if value and value < 1000 and float(value).is_integer():
            rest = word[cut:]
            if len(rest) >= 4 and lexicon.get(rest, (0.0,))[0] >= 2.5:
                return _round(value)
    return None


def compound_number(word: str, lang: str) -> float | None:
    """Value of a number written as one word: tens then units, Norwegian "tjuefem" (25), "førtito" (42),
    or units then hundreds or thousands, "tohundre" (200)."""
    return _compounds(lang_base(lang)).get(word)


@lru_cache(maxsize=None)
def _compounds(lang: str) -> dict[str, float]:
    """Every tens-then-units number word of ``lang``, built once (a dictionary lookup per word
    instead of a loop over the number words for every word of every entry)."""
    words = number_words(lang)
    tens = [(w, v) for w, v in words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    units = [(w, v) for w, v in words.items() if 1 <= v <= 9 and float(v).is_integer()]
    table: dict[str, float] = {}
    for tens_word, ten in tens:
        for unit_word, unit in units:
            table.setdefault(tens_word + unit_word, float(ten + unit))
    scales = [(w, v) for w, v in words.items() if v in (100, 1000) and not w.endswith(("vis", "de", "s"))]
    for unit_word, unit in units:  # tohundre (200), tretusen (3,000): Norwegian writes them as one word
        for scale_word, scale in scales:
            table.setdefault(unit_word + scale_word, float(unit * scale))
    return table


@lru_cache(maxsize=None)
def _spelled_table(lang: str) -> dict[str, float]:
    """Number words from eleven to ninety-nine, single words and compounds."""
    table = {w: v for w, v in number_words(lang).items() if 11 <= v <= 99 and float(v).is_integer()}
    for word, value in _compounds(lang).items():
        table.setdefault(word, value)
    return table


_SMALL = {"nb": ("to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti"),
          "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")}


@lru_cache(maxsize=16384)
def small_numbers(text: str, lang: str) -> tuple[tuple[float, int, int], ...]:
    """Cardinal words two to ten: as evidence they are weak, but when both sides spell one
    out, "tre år" rendered "two years" is a changed number."""
    words = _SMALL.get(lang_base(lang))
    if not words:
        return ()
    table = number_words(lang_base(lang))
    matches = finditer(_small_re(lang_base(lang)), text, lowered(text))  # group(0).lower() is the same either way
    return tuple((table[m.group(0).lower()], m.start(), m.end()) for m in matches)


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def _small_re(lang: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(_SMALL[lang]) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=65536)
def spelled_numbers(text: str, lang: str) -> list[tuple[float, int, int]]:
    """Number words from eleven to ninety-nine ("elleve", "førti"): unambiguous, unlike "en"/"to"/"ti",
    and as much a fact of the story as digits, so a translation must keep their value."""
    table = _spelled_table(lang_base(lang))
    found = []
    for m in _LETTERS_RE.finditer(text):
        value = table.get(m.group(0).lower())
        if value is not None:
            found.append((_round(value), m.start(), m.end()))
    return found


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


class NumbersCheck(Check):
    """A numeral changed, dropped or invented by MT is a factual error in a news article."""

    check_id = "numbers"
    name = "Numbers"
    description = "A number, amount or time in the source has no equal value in the translation, or vice versa."
    severity = "error"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        spelled = spelled_numbers(source, context.source_lang)
        small = small_numbers(source, context.source_lang)
        if not (_DIGIT.search(source) or _DIGIT.search(target) or spelled or small):
            return []
        src_q, tgt_q = extract(source, context.source_lang), extract(target, context.target_lang)
        src_ev, tgt_ev = evidence(source, context.source_lang), evidence(target, context.target_lang)
        found = []
        converted = _converted_spans(source, target, context)
        for value, start, end in spelled:
            if ("n", value) not in tgt_ev:
                found.append(self.finding(f"{source[start:end]!r} ({value:g}) from the source is missing or changed in the "
                                          "translation", (start, end), side="source"))
        if small or spelled:  # "tre år" -> "two years": a small number word changed
            for value, start, end in small_numbers(target, context.target_lang):
                if ("n", value) not in src_ev and not _inside(start, converted[1]):
                    found.append(self.finding(f"{target[start:end]!r} ({value:g}) does not match any number in the source",
                                              (start, end)))
        for q in tgt_q:
            if q.values and not q.values & src_ev and not _inside(q.start, converted[1]):
                found.append(self.finding(f"{target[q.start:q.end]!r} does not match any number in the source", (q.start, q.end)))
        for q in src_q:
            if _FEAST_DAY.match(source, q.end):
                continue  # 1. juledag, 2. påskedag: the day of a feast, which English names (Christmas Day, Easter Monday)
            if q.values and not q.values & tgt_ev and not _inside(q.start, converted[0]):
                text = source[q.start:q.end]
                found.append(self.finding(f"{text!r} from the source is missing or changed in the translation", (q.start, q.end), side="source"))
        return found


_FEAST_DAY = re.compile(r"\.?\s*(?:jule|påske|pinse|nyttårs)dag", re.IGNORECASE)


def _converted_spans(source: str, target: str, context: CheckContext) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Source and target spans of quantities that match after unit conversion (250 kg = 550 pounds):
    their figures differ by design, which the units check has already judged."""
    from .units import quantities, same_amount  # units builds on this module's numeral parser

    src_units = quantities(source, context.source_lang)
    if not src_units:
        return [], []
    src_spans, tgt_spans = [], []
    for q in quantities(target, context.target_lang):
        matches = [s for s in src_units if same_amount(q, s) and s.unit.name != q.unit.name]
        if matches:
            tgt_spans.append((q.start, q.end))
            src_spans += [(s.start, s.end) for s in matches]
    return src_spans, tgt_spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


class NumberFormatCheck(Check):
    """"2,5" in English reads as a typo or as 25; the target locale's separators must be used."""

    check_id = "number-format"
    name = "Number format"
    description = "A number in the translation uses the source language's decimal or thousands separator."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        if lang_base(context.source_lang) == lang_base(context.target_lang) or not _DIGIT.search(target):
            return []
        locale = _locale(context.target_lang)
        dec = get_decimal_symbol(locale) if locale else "."
        grp = get_group_symbol(locale) if locale else ","
        found = []
        for q in extract(target, context.target_lang):
            if q.malformed:
                found.append(self.finding(
                    f"{target[q.start:q.end]!r} is not a {lang_base(context.target_lang)} number format "
                    f"(decimal {dec!r}, thousands {grp.replace(chr(160), 'no-break space')!r})", (q.start, q.end)))
        return found


_SUFFIXES = {"", "s", "en", "ens", "er", "ene", "'s", "’s", "."}
_AMBIGUOUS = {"may", "march", "mars", "mai", "august", "sun", "sat", "wed", "jan", "dec", "des", "sep", "nov", "okt", "mar", "jun", "jul", "apr", "feb", "aug", "oct"}


@lru_cache(maxsize=None)
def _calendar(lang: str, kind: str) -> tuple[re.Pattern[str], dict[str, int], bool, frozenset[str]]:
    """Regex over the locale's month or weekday names, name -> number, and whether names are lowercase."""
    locale = _locale(lang) or Locale.parse("en")
    table: dict[str, int] = {}
    short: set[str] = set()
    getter = get_month_names if kind == "month" else get_day_names
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            for number, name in getter(width, context=ctx, locale=locale).items():
                key = name.lower().rstrip(".")
                if len(key) >= 3:
                    table.setdefault(key, number)
                    if width == "abbreviated":
                        short.add(key)
    if kind == "month" and table.get("september") == 9:
        table.setdefault("sept", 9)  # en and nb news write "sept." beside CLDR's "sep."
    wide = list(getter("wide", locale=locale).values())
    lowercase = all(name[:1].islower() for name in wide)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")([^\W\d_]*|['’]s)?(?![\w])", re.IGNORECASE)
    wide_keys = {n.lower() for n in wide}
    return pattern, table, lowercase, frozenset(short - wide_keys)


@lru_cache(maxsize=None)
def _stems(lang: str) -> frozenset[str]:
    return frozenset(name[:3] for kind in ("month", "day") for name in _calendar(lang, kind)[1])


@lru_cache(maxsize=None)
def _stems_re(lang: str) -> re.Pattern[str]:
    """Any word starting like a month or weekday name: one regex pass rules most texts out."""
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, _stems(lang)))) + r")", re.IGNORECASE)


@lru_cache(maxsize=65536)
def calendar_names(text: str, lang: str, kind: str) -> tuple[tuple[int, int, int], ...]:
    """(number, start, end) of each month or weekday name in ``text``; ambiguous words need a date nearby."""
    if not search(_stems_re(lang), text, lowered(text)):  # case-sensitively on lower-cased text where that is the same
        return ()
    pattern, table, lowercase, short = _calendar(lang, kind)
    found = []
    for m in pattern.finditer(text):
        word, suffix = m.group(1), (m.group(2) or "")
        if suffix.lower() not in _SUFFIXES and not (lowercase and kind == "day" and suffix[:1] == "s" and len(suffix) >= 4):
            continue  # lørdagskveld is a Saturday; "Mayor" is no month
        if not lowercase and not word[:1].isupper():
            continue
        if (lowercase and word[:1].isupper() and m.start() > 0 and text[m.start() - 2: m.start()].strip() not in ("", ".", "«", "“", "\"", "–")
                and not _after_date_word(text, m.start())):
            continue  # a capitalised name (Mai, Mandag Morgen), unless "forrige Mandag"
        if (word.lower() in _AMBIGUOUS or word.lower() in short) and not _date_nearby(text, m.start(), m.end()):
            continue
        if kind == "day" and word.lower() in short and not (text[m.end():m.end() + 1] == "." or _digit_nearby(text, m.start(), m.end())):
            continue  # "før man sover": the pronoun, not Monday
        found.append((table[word.lower()], m.start(), m.end()))
    return tuple(found)


_DAY_CONTEXT = frozenset({"forrige", "neste", "på", "hver", "sist", "kommende", "denne", "innen", "til", "fra", "siden", "last", "next", "on", "every", "this"})


def _after_date_word(text: str, start: int) -> bool:
    """The word before is one that introduces a day or month (forrige, på, neste, last)."""
    before = text[max(0, start - 12): start].split()
    return bool(before) and before[-1].lower() in _DAY_CONTEXT


def _copied_words(source: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W\d_]+", source))


def _digit_nearby(text: str, start: int, end: int) -> bool:
    return any(ch.isdigit() for ch in text[max(0, start - 6): start] + text[end: end + 6])


def _date_nearby(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 6): start] + text[end: end + 6]
    if any(ch.isdigit() for ch in around):
        return True
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 12): start].lower())
    return bool(before) and before[-1] in _MONTH_CONTEXT


class DatesCheck(Check):
    """A weekday or month that changed in translation puts an event on the wrong day."""

    check_id = "dates"
    name = "Dates"
    description = "Month or weekday names differ between source and translation (tirsdag = Tuesday, juli = July)."
    severity = "error"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        found = []
        for kind, label in (("month", "month"), ("day", "weekday")):
            src = calendar_names(source, context.source_lang, kind)
            tgt = calendar_names(target, context.target_lang, kind)
            if not src and not tgt:
                continue  # nothing to compare (the usual case)
            src_set, tgt_set = {n for n, _, _ in src}, {n for n, _, _ in tgt}
            eves = _eves(source, src) if kind == "day" else set()
            src_set |= eves
            if kind == "month" and not src:
                src_set |= _numeric_months(source, context.source_lang)
            copied = None
            for number, start, end in tgt:
                if number not in src_set:
                    copied = _copied_words(source) if copied is None else copied
                    if target[start:end] in copied and target[start:end][:1].isupper():
                        continue  # "The Sunday Times" copied from the source: a title, no date
                    found.append(self.finding(f"{label} {target[start:end]!r} is not in the source", (start, end)))
            for number, start, end in src:
                if (number - 1) % 7 in eves and (number - 1) % 7 in tgt_set:
                    continue  # "natt til onsdag" rendered as "Tuesday night"
                if number not in tgt_set and not (kind == "month" and number in _numeric_months(target, context.target_lang)):
                    found.append(self.finding(f"{label} {source[start:end]!r} is missing from the translation", (start, end), side="source", severity="warning"))
        return found


def _eves(source: str, days: tuple[tuple[int, int, int], ...]) -> set[int]:
    """Weekdays implied by "natt til onsdag" (Tuesday night), which a translation may name."""
    if not days:
        return set()
    phrases = read_words("eve-phrases-nb.txt")
    return {(number - 1) % 7 for number, start, _ in days
            if any(source[:start].rstrip().lower().endswith(p) for p in phrases)}


@lru_cache(maxsize=32768)
def _numeric_months(text: str, lang: str) -> frozenset[int]:
    """Months of numeric dates (26.07.2023, 7/26/2023, 26/7): either field may be the month."""
    if not _DIGIT.search(text):
        return frozenset()
    months: set[int] = set()
    for m in re.finditer(r"\b(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?\b", text):
        for part in (m.group(1), m.group(2)):
            if 1 <= int(part) <= 12:
                months.add(int(part))
    return frozenset(months)
