"""checks.analysis: matching a foldable pattern on lower-cased text is exactly re.IGNORECASE."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.analysis import fast_twin, finditer, foldable, lowered, search

PATTERNS = [
    r"\b(?:kan|kunne|må|skal)\b",
    r"\bskal\s+(?:\w+\s+)?ha\s+\w+(?:t|et|d|dd)\b",
    r"(?s)^(?!.*\bsen\b).*\btidlig\b",
    r"(?<!\bhis )\bwill\b|\w['’]ll\b",
    r"[a-zæøå]+s\b",
    r"[^a-z ]",
    r"\bsi\b",
]
ALPHABET = "aeiksltmnSIKåÅøØæ ’'.İıſΣσςKé-"
texts = st.text(alphabet=ALPHABET + "kanskjetidligsenwillhis", max_size=40)


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_same_spans_as_ignorecase(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    low = lowered(text)
    want = regex.search(text)
    got = search(regex, text, low)
    assert (want and want.span()) == (got and got.span())
    assert spans(regex.finditer(text)) == spans(finditer(regex, text, low))


def test_lowered_refuses_texts_where_folding_is_not_exact() -> None:
    assert lowered("Han KAN komme.") == "han kan komme."
    assert lowered("İstanbul") is None  # lower-cases to two characters
    assert lowered("ſkal") is None  # long s: IGNORECASE pairs it with s
    assert lowered("ΟΔΟΣ") is None  # final sigma by context


def test_foldable_patterns() -> None:
    assert foldable(r"\b(?:kan|må)\b\W\S")
    assert foldable(r"(?s)^(?!.*\bsen\b)")
    assert not foldable(r"[A-ZÆØÅ]\w+")  # a class of capitals means something else case-sensitively
    assert not foldable(r"(?i)kan") and not foldable(r"(?-i:Kan)")
    assert not foldable(r"\x4b") and not foldable(r"(a)\1")
    assert fast_twin(re.compile("kan")) is None  # case-sensitive already: nothing to gain
    twin = fast_twin(re.compile(r"\bkan\b", re.IGNORECASE))
    assert twin is not None and not twin.flags & re.IGNORECASE
    assert fast_twin(re.compile(r"\bkan\b", re.IGNORECASE)) is not None
