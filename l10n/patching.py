"""Patch a fuzzy TM match whose source differs from the new one only in numbers, dates or names.

Peer tools copy the old target unchanged and carry "Tuesday" into an
"onsdag" sentence. When every difference between the two sources is a
number, weekday, month or glossary name, we can say how each old token is
rendered in the target and swap in the new one. If any rendering cannot be
found in the target, nothing is changed and the note says so: a silent half
patch is worse than an honest fuzzy.

Weekday and month names come from Babel's locale data, never from lists here;
spelled-out numbers ("tre" → "three") from ``l10n/data/<lang>/number_words.txt``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING

from babel.dates import get_day_names, get_month_names
from babel.numbers import format_decimal

from .languages import babel_locale

if TYPE_CHECKING:
    from .glossary import Glossary

NUMBER, WEEKDAY, MONTH, NAME, WORD = "number", "weekday", "month", "name", "word"
NUMBER_WORD = "number-word"
_CASELESS = (WEEKDAY, MONTH, WORD, NUMBER_WORD)
_SPACES = " \u00a0\u202f"
_NUMBER = rf"(?<![\w,.])\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?(?![\w]|,\d)|(?<![\w,.])\d+(?:[,.]\d+)?(?!\w)"
_TOKEN = re.compile(rf"(?P<number>{_NUMBER})|(?P<word>\w+(?:-\w+)*)|(?P<other>\S)")


@dataclass(frozen=True)
class Token:
    text: str
    kind: str
    start: int
    end: int

    def key(self) -> str:
        return self.text.casefold() if self.kind in _CASELESS else self.text


@dataclass
class PatchResult:
    """The (possibly) patched target; ``note`` is what the PO comment should say."""

    target: str
    changes: list[tuple[str, str]] = field(default_factory=list)
    patched: bool = False
    note: str = ""


@lru_cache(maxsize=16)
def _calendar_names(lang: str) -> dict[str, tuple[str, int]]:
    """Lower-cased weekday and month names of ``lang`` → (kind, index)."""
    locale = babel_locale(lang)
    names: dict[str, tuple[str, int]] = {}
    for context in ("format", "stand-alone"):
        for index, name in get_day_names("wide", context=context, locale=locale).items():
            names[name.casefold()] = (WEEKDAY, index)
        for index, name in get_month_names("wide", context=context, locale=locale).items():
            names[name.casefold()] = (MONTH, index)
    return names


@lru_cache(maxsize=16)
def _number_words(lang: str) -> tuple[dict[str, int], dict[int, str]]:
    """Spelled-out numbers of ``lang``: lower-cased word → value, and value → the word to write."""
    from .errors import SegmentationError
    from .segment_rules import read_word_list, rules_language

    try:
        lines = read_word_list(rules_language(lang), "number_words")
    except SegmentationError:  # a language without the data file: no number words
        return {}, {}
    words: dict[str, int] = {}
    written: dict[int, str] = {}
    for line in lines:
        value, *forms = line.split()
        for form in forms:
            words[form.casefold()] = int(value)
        if forms:
            written.setdefault(int(value), forms[0])
    return words, written


def _calendar_name(kind: str, index: int, lang: str) -> str:
    locale = babel_locale(lang)
    table = get_day_names if kind == WEEKDAY else get_month_names
    return table("wide", context="format", locale=locale)[index]


def tokenize(text: str, lang: str, glossary: Glossary | None = None) -> list[Token]:
    """Split ``text`` into tokens; glossary names become single tokens."""
    names = _name_spans(text, glossary)
    calendar = _calendar_names(lang)
    numbers = _number_words(lang)[0]
    tokens: list[Token] = []
    pos = 0
    for start, end in names:
        tokens += _plain_tokens(text[pos:start], pos, calendar, numbers)
        tokens.append(Token(text[start:end], NAME, start, end))
        pos = end
    return tokens + _plain_tokens(text[pos:], pos, calendar, numbers)


def _name_spans(text: str, glossary: Glossary | None) -> list[tuple[int, int]]:
    if not glossary:
        return []
    return [(m.start, m.end) for m in glossary.find(text) if m.term.type in ("name", "dnt")]


def _plain_tokens(text: str, offset: int, calendar: dict[str, tuple[str, int]],
                  numbers: dict[str, int] | None = None) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = NUMBER if m.group("number") else WORD
        if kind == WORD and m.group(0).casefold() in calendar:
            kind = calendar[m.group(0).casefold()][0]
        elif kind == WORD and numbers and m.group(0).casefold() in numbers:
            kind = NUMBER_WORD
        tokens.append(Token(m.group(0), kind, offset + m.start(), offset + m.end()))
    return tokens


def source_differences(old: list[Token], new: list[Token]) -> list[tuple[Token, Token]] | None:
    """Pairs of differing tokens, or None if the sources differ in anything not patchable."""
    matcher = difflib.SequenceMatcher(a=[t.key() for t in old], b=[t.key() for t in new], autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != j2 - j1:
            return None
        for a, b in zip(old[i1:i2], new[j1:j2]):
            if a.kind != b.kind or a.kind == WORD:
                return None
            pairs.append((a, b))
    return pairs


def parse_number(text: str, lang: str) -> Decimal | None:
    """A number as written in ``lang`` (Norwegian: ``3,5``, ``3 000``)."""
    symbols = babel_locale(lang).number_symbols.get("latn", {})
    decimal = symbols.get("decimal", ".")
    group = symbols.get("group", ",")
    cleaned = text
    for sep in {*_SPACES, group} - {decimal}:
        if sep in _SPACES or _is_grouping(text, sep):
            cleaned = cleaned.replace(sep, "")
    cleaned = cleaned.replace(decimal, ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _is_grouping(text: str, sep: str) -> bool:
    return bool(re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", text))


def render_number(text: str, source_lang: str, target_lang: str) -> str:
    """How number ``text`` of the source language is written in the target language."""
    grouped = any(sep in text for sep in _SPACES) or _is_grouping(text, ".")
    return _number_variant(text, source_lang, target_lang, grouped) or text


def render(token: Token, source_lang: str, target_lang: str, glossary: Glossary | None) -> str:
    """The target-language form of a source token."""
    if token.kind == NUMBER:
        return render_number(token.text, source_lang, target_lang)
    if token.kind in (WEEKDAY, MONTH):
        kind, index = _calendar_names(source_lang)[token.text.casefold()]
        return _calendar_name(kind, index, target_lang)
    if token.kind == NUMBER_WORD:
        value = _number_words(source_lang)[0][token.text.casefold()]
        return _number_words(target_lang)[1].get(value, str(value))
    if token.kind == NAME and glossary:
        for match in glossary.find(token.text):
            return match.term.target_for(match.form)
    return token.text


def _renderings(
    old: Token, new: Token, target: str, source_lang: str, target_lang: str, glossary: Glossary | None
) -> tuple[str, str]:
    """Target forms of the old and new token; for numbers, the grouping the translation uses."""
    before = render(old, source_lang, target_lang, glossary)
    after = render(new, source_lang, target_lang, glossary)
    if old.kind == NUMBER_WORD and not _pattern(before, NUMBER_WORD).search(target):
        words = _number_words(source_lang)[0]  # "tre personer" may be "3 people" in the translation
        return str(words[old.text.casefold()]), str(words[new.text.casefold()])
    if old.kind == NUMBER and not _pattern(before, NUMBER).search(target):
        for grouped in (True, False):
            alt = _number_variant(old.text, source_lang, target_lang, grouped)
            if alt and _pattern(alt, NUMBER).search(target):
                return alt, _number_variant(new.text, source_lang, target_lang, grouped) or after
    return before, after


def _number_variant(text: str, source_lang: str, target_lang: str, grouped: bool) -> str | None:
    value = parse_number(text, source_lang)
    if value is None:
        return None
    return format_decimal(value, locale=target_lang.replace("-", "_"), group_separator=grouped)


def _pattern(rendering: str, kind: str) -> re.Pattern[str]:
    flags = re.IGNORECASE if kind in (WEEKDAY, MONTH, NUMBER_WORD) else 0
    if kind == NUMBER:
        return re.compile(rf"(?<![\w.,]){re.escape(rendering)}(?P<ord>st|nd|rd|th)?(?!\w|[.,]\d)")
    return re.compile(rf"(?<!\w){re.escape(rendering)}(?!\w)", flags)


def patch_translation(
    old_source: str,
    old_target: str,
    new_source: str,
    source_lang: str,
    target_lang: str,
    glossary: Glossary | None = None,
) -> PatchResult:
    """Adapt ``old_target`` (the translation of ``old_source``) to ``new_source`` if that is safe."""
    pairs = source_differences(tokenize(old_source, source_lang, glossary), tokenize(new_source, source_lang, glossary))
    if not pairs:
        return PatchResult(old_target)
    replacements: dict[str, tuple[str, str, str]] = {}
    for old, new in pairs:
        before, after = _renderings(old, new, old_target, source_lang, target_lang, glossary)
        previous = replacements.get(before)
        if previous is not None and previous[0] != after:
            return PatchResult(old_target, note=f"not patched: {old.text!r} changes in two ways")
        replacements[before] = (after, old.kind, f"{old.text}→{new.text}")
    return _apply(old_target, replacements)


def _apply(target: str, replacements: dict[str, tuple[str, str, str]]) -> PatchResult:
    spans: list[tuple[int, int, str]] = []
    for before, (after, kind, _label) in replacements.items():
        found = list(_pattern(before, kind).finditer(target))
        if not found:
            return PatchResult(target, note=f"not patched: {before!r} not found in the translation")
        for m in found:
            spans.append((m.start(), m.end(), _fit(m, after, kind)))
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        return PatchResult(target, note="not patched: replacements overlap")
    out, pos = [], 0
    for start, end, text in spans:
        out += [target[pos:start], text]
        pos = end
    out.append(target[pos:])
    labels = [label for _after, _kind, label in replacements.values()]
    changes = [(label.split("→")[0], label.split("→")[1]) for label in labels]
    return PatchResult("".join(out), changes, True, "patched: " + ", ".join(labels))


def _fit(m: re.Match[str], after: str, kind: str) -> str:
    """Keep the translation's capitalisation of names of days and months, and English ordinals."""
    found = m.group(0)
    if kind in (WEEKDAY, MONTH) and found[:1].islower():
        return after[:1].lower() + after[1:]
    if kind == NUMBER_WORD and after[:1].isalpha():
        return after[:1].upper() + after[1:] if found[:1].isupper() else after
    if kind == NUMBER and m.group("ord") and after.isdigit():
        return after + ordinal_suffix(int(after))
    return after


def ordinal_suffix(n: int) -> str:
    """English ordinal suffix: 1st, 2nd, 3rd, 11th, 22nd."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
