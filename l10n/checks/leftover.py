"""Norwegian words left untranslated in an English target.

The word list (``nb-leftover-words.txt``) is derived from wordfreq by
``tools/derive_qa_wordlists.py`` and shipped, so results do not move with
wordfreq releases; ``en-not-leftover.txt`` holds the hand-kept exceptions.
Capitalised words that the source also has are names (Aftenposten), not leftovers.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .base import Check, CheckContext, Finding
from .data import read_words
from .text import mask, sentence_starts

_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")


class LeftoverSourceCheck(Check):
    """MT leaves words it cannot place ("spilte", "ikke") in the output."""

    check_id = "leftover-source"
    name = "Untranslated words"
    description = "Norwegian words left in the English translation."
    severity = "warning"
    language_pair = "nb_to_en"

    def prepare(self, pairs: Iterable[tuple[str, str, Any]], context: CheckContext) -> None:
        """Names of the catalogue: words capitalised inside a source sentence somewhere
        (Avinor), so the same word opening another sentence is a name, not a leftover."""
        names: set[str] = set()
        for source, _, _ in pairs:
            starts = sentence_starts(source)
            names.update(m.group(0) for m in _WORD_RE.finditer(source)
                         if m.group(0)[:1].isupper() and m.start() not in starts)
        context.data["source-names"] = frozenset(names)

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        words = read_words("nb-leftover-words.txt")
        allowed = read_words("en-not-leftover.txt")
        masked = mask(target)
        starts = sentence_starts(masked)
        glossary_words = _glossary_words(context)
        found = []
        for m in _WORD_RE.finditer(masked):
            word = m.group(0)
            lower = word.lower()
            if lower not in words or lower in allowed or lower in glossary_words:
                continue
            if word[:1].isupper() and m.start() not in starts:
                continue  # a name the source also capitalises (Stortinget, Aftenposten)
            if word[:1].isupper() and word in source and not source.startswith(word):
                continue
            if word[:1].isupper() and _name_run(word, masked[m.end():], source):
                continue  # a multi-word name copied as it stands: Norges Bank, Eiendom Norge
            if word[:1].isupper() and word in context.data.get("source-names", ()) and word in source:
                continue  # a name the catalogue capitalises mid-sentence elsewhere
            if word.islower() and _inside_name(masked, m.start(), m.end(), source):
                continue  # "og" in Møre og Romsdal, copied from the source

            found.append(self.finding(f"{word!r} looks like an untranslated Norwegian word", (m.start(), m.end())))
        return found


_NEXT_CAPITALISED = re.compile(r"\s+([A-ZÆØÅ][\w-]*)")


def _name_run(word: str, after: str, source: str) -> bool:
    """``word`` starts a run of capitalised words that the source has in the same order."""
    nxt = _NEXT_CAPITALISED.match(after)
    if nxt is None:
        return False
    return re.search(rf"(?<![\w-]){re.escape(word)}\s+{re.escape(nxt.group(1))}(?![\w-])", source) is not None


_AROUND = re.compile(r"([A-ZÆØÅ][\w-]*)\s+$")


def _inside_name(text: str, start: int, end: int, source: str) -> bool:
    """A lower-case word between two capitalised ones, the three copied from the source."""
    before = _AROUND.search(text[:start])
    after = _NEXT_CAPITALISED.match(text[end:])
    if before is None or after is None:
        return False
    run = rf"{re.escape(before.group(1))}\s+{re.escape(text[start:end])}\s+{re.escape(after.group(1))}"
    return re.search(rf"(?<![\w-]){run}(?![\w-])", source) is not None


def _glossary_words(context: CheckContext) -> frozenset[str]:
    glossary = context.glossary
    if not glossary:
        return frozenset()
    cached = context.data.get("glossary-target-words")
    if cached is None:
        cached = frozenset(w.lower() for t in glossary.terms for w in re.findall(r"\w+", t.target))
        context.data["glossary-target-words"] = cached
    return cached
