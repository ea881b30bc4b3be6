"""Two names swapped around a verb or preposition: "Sør-Afrika slo Zambia" → "Zambia beat South Africa".

Both names are present, so the names check is content; the facts are reversed. The check
is only as sound as word order is: Norwegian and English both put the subject before the
verb, so two names close together in one clause keep their order in a faithful
translation. It stays silent where the order may legitimately change: names joined by
"og"/"and" or a comma (a list), a passive in the translation ("was beaten by"), names far
apart or in different clauses, and names it cannot place in the translation unambiguously.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import exonyms, read_rows, read_words
from .names import NAME_RE, TOKEN_RE, _exonym_key, same_stem, sentence_start_names, source_names
from .text import mask, sentence_starts

MAX_GAP_WORDS = 8
_CLAUSE_BREAK = re.compile(r"(?<!\b[A-Z])\.|[;:!?()«»\"“”]|,|\s[–—-]\s")
# in the translation a comma too: the two names then stand in different clauses or an apposition,
# which a faithful translation may order either way ("… from Africa to Asia, in Afghanistan, Cuba …")
_TARGET_BREAK = re.compile(r"(?<!\b[A-Z])\.|[,;:!?()«»\"“”]")  # not the point of an initial (John F. Kennedy)
_LIST_ONLY = re.compile(r"\s*(?:,|og|eller|samt|&|and|or|-|–|/)?\s*", re.IGNORECASE)


def _places(word: str, target: str, tokens: list[tuple[str, int, int]]) -> list[int]:
    """Where a source name sits in the target: the same word (inflection and transliteration
    aside) or its English exonym."""
    key = _exonym_key(word)
    if key is not None:
        spots = []
        for i, alt in enumerate(exonyms()[key]):
            spots += [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(alt)}(?![\w-])", target)]
            if i == 0 and spots:
                break  # the name itself (France), before its adjective or capital (French, Paris)
        return sorted(set(spots))
    return [start for token, start, _ in tokens if token[:1].isupper() and same_stem(word, token)]


@lru_cache(maxsize=None)
def _neutral() -> dict[str, int]:
    """Words between two names that let them change places, with the widest gap (in words) at
    which each still links the two (a large number: any gap)."""
    words = {}
    for row in read_rows("swap-neutral-nb.txt"):
        word, _, near = row[0].partition(" near")
        words[word.strip().lower()] = int(near) if near.strip() else MAX_GAP_WORDS
    return words


def _is_neutral(between: str) -> bool:
    neutral, width = _neutral(), len(between.split())
    return any(width <= neutral.get(w, -1) for w in _words(between))


def _mentions(word: str, src: str) -> int:
    """How often the source names the same place (any form of an exonym: Russland, Russlands)."""
    key = _exonym_key(word)
    if key is None:
        return 1
    return sum(1 for m in NAME_RE.finditer(src) if _exonym_key(m.group(0)) == key)


def _starting_exonyms(src: str) -> list[tuple[str, int, int]]:
    """Place names opening a sentence ("Sveits ligger mellom Frankrike …"): the exonym table
    knows them, though the lexicon calls them Norwegian words."""
    found = []
    for start in sentence_starts(src):
        m = NAME_RE.match(src, start)
        if m is not None and _exonym_key(m.group(0)) is not None:
            found.append((m.group(0), m.start(), m.end()))
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


class SwappedNamesCheck(Check):
    """Who did what to whom: two nearby names in reverse order in the translation."""

    check_id = "names-swapped"
    name = "Swapped names"
    description = "Two names close together in one clause appear in the opposite order in the translation (A beat B → B beat A)."
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        src = mask(source)
        names = sorted(set(source_names(source) + sentence_start_names(source, context.data.get("catalogue-names", frozenset()))
                           + _starting_exonyms(src)), key=lambda n: n[1])
        if len(names) < 2:
            return []
        tgt = mask(target)
        tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(tgt)]
        passive = read_words("passive-markers-en.txt")
        found = []
        for (a, a_start, a_end), (b, b_start, _) in zip(names, names[1:]):
            between = src[a_end:b_start]
            if a == b or _LIST_ONLY.fullmatch(between) or _CLAUSE_BREAK.search(between) \
                    or len(between.split()) > MAX_GAP_WORDS or _is_neutral(between):
                continue
            if _mentions(a, src) > 1 or _mentions(b, src) > 1:
                continue  # Russlands … Russland: which mention went where cannot be told
            where_a, where_b = _places(a, tgt, tokens), _places(b, tgt, tokens)
            if len(where_a) != 1 or len(where_b) != 1 or where_a[0] < where_b[0]:
                continue
            gap = tgt[where_b[0]:where_a[0]]
            if len(gap.split()) > MAX_GAP_WORDS + 2 or _TARGET_BREAK.search(gap) or _words(gap) & passive:
                continue
            found.append(self.finding(f"{a!r} comes before {b!r} in the source but after it in the translation "
                                      "(who did what to whom?)", (where_b[0], where_a[0] + len(a)), severity=None))
        return found
