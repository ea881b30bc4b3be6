"""Text helpers shared by checks: masking URLs and Markdown, word tokens, sentence starts.

Masking replaces characters with spaces instead of deleting them, so every span a
check computes on the masked text is also right for the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..article import LINK_URL
from ..languages import base

URL_RE = re.compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"«»“”)\]]+[^\s<>"«»“”)\].,;:!?'’]""", re.IGNORECASE)
# Bare domains as news text cites them ("Les mer på nrk.no"), with the usual top-level domains.
_TLDS = r"(?:no|com|org|net|se|dk|fi|is|uk|eu|de|fr|int|gov|edu|io|info)"
DOMAIN_RE = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
    + _TLDS + r"(?:/[^\s<>\"«»“”)\]]*[^\s<>\"«»“”)\].,;:!?'’])?(?![\w@-])"
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
MD_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((" + LINK_URL + r")(?:\s+\"[^\"]*\")?\)")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|[«“\"(\[]|[–—-]\s+|\n)\s*[«“\"'(\[*_]*")


@lru_cache(maxsize=256)  # asked per number word and per check: a handful of codes
def lang_base(code: str) -> str:
    """The language whose QA data applies (``no``, ``nb-NO`` → ``nb``): :func:`l10n.languages.base`."""
    return base(code)


# What every match of each masked pattern holds: a text without it is not scanned (most are not)
_URL_HINT = re.compile(r"://|www\.", re.IGNORECASE)
_DOMAIN_HINT = re.compile(r"\." + _TLDS)


@lru_cache(maxsize=20000)
def mask(text: str) -> str:
    """``text`` with Markdown link syntax, URLs, bare domains and e-mail addresses blanked (same
    length). Each pattern runs on the text the earlier ones masked, and only where its hint
    (a literal every match holds) is present; the text is rebuilt only when something matched."""
    masked = text
    if "](" in text:
        chars = list(text)
        for m in MD_LINK_RE.finditer(text):
            chars[m.start()] = " "
            chars[m.end(1):m.end()] = " " * (m.end() - m.end(1))
        masked = "".join(chars)
    if _URL_HINT.search(masked):
        masked = _blanked(masked, URL_RE)
    if "@" in masked:
        masked = _blanked(masked, EMAIL_RE)
    if _DOMAIN_HINT.search(masked):
        masked = _blanked(masked, DOMAIN_RE)
    return masked


def _blanked(text: str, regex: re.Pattern[str]) -> str:
    """``text`` with every match of ``regex`` replaced by spaces."""
    spans = [m.span() for m in regex.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def links(text: str) -> list[tuple[str, int, int]]:
    """URLs (Markdown link targets included) and e-mail addresses with their spans."""
    found = []
    seen: set[tuple[int, int]] = set()
    for m in MD_LINK_RE.finditer(text):
        found.append((m.group(2), m.start(2), m.end(2)))
        seen.add((m.start(2), m.end(2)))
    for regex in (URL_RE, EMAIL_RE, DOMAIN_RE):
        for m in regex.finditer(text):
            inside = any(s <= m.start() < e for s, e in seen)
            if not inside:
                found.append((m.group(0), m.start(), m.end()))
                seen.add((m.start(), m.end()))
    return found


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD_RE.finditer(text)


@lru_cache(maxsize=32768)
def sentence_starts(text: str) -> frozenset[int]:
    """Offsets where a sentence (or quoted speech) begins: capitals there prove nothing.
    Cached for a catalogue's texts: several checks ask about each, source and target."""
    return frozenset(map(re.Match.end, SENTENCE_START_RE.finditer(text)))
