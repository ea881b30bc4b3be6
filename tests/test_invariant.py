"""is_invariant: which texts may rightly come back from MT unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from l10n.invariant import is_invariant


@pytest.mark.parametrize("text", [
    "Elite League: Dundee Stars 5-3 Belfast Giants",
    "NHL: Boston Bruins – Toronto Maple Leafs 4-2",
    "Premier League 2026/27",
    "«Oslo Pride» – 12.06.",
    "Magnus Carlsen (34)",
])
def test_names_and_numbers_are_invariant(text):
    assert is_invariant(text)


@pytest.mark.parametrize("text", [
    "Dette er en setning uten navn.",
    "Statsminister Støre møtte pressen",   # lower-case words
    "Statsminister Støre",                 # a common word opening the text is not a name
    "Dundee Stars mot Belfast Giants",
    "Kamp: Brann – Molde 2-1",
])
def test_words_to_translate_are_not(text):
    assert not is_invariant(text)


def test_do_not_translate_forms_count_as_kept():
    assert not is_invariant("Brann – Molde 2-1")  # "brann" (fire) opening the text: a word
    assert is_invariant("Brann – Molde 2-1", keep=["Brann"])
    assert is_invariant("Premier League: iPhone-salg 4-3", keep=["iPhone-salg"])


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", min_size=1).filter(lambda t: any(c.isalpha() for c in t)))
def test_any_lower_case_word_makes_it_translatable(words):
    assert not is_invariant("Dundee Stars 5-3 " + words)
