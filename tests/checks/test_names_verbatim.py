"""names.verbatim_in: the compiled-pattern-free name test must agree with the regex it replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.names import _verbatim, verbatim_in

LETTERS = "abcsinKkİıſ’'-_ .éø$Å"
phrases = st.text(alphabet="abcsinKkı$é-", min_size=1, max_size=5)
texts = st.text(alphabet=LETTERS, max_size=30)


@settings(max_examples=400, deadline=None)
@given(phrases, texts)
def test_agrees_with_the_regex(phrase: str, target: str) -> None:
    assert verbatim_in(phrase, target) == (_verbatim(phrase).search(target) is not None)


@settings(max_examples=200, deadline=None)
@given(phrases, texts, texts)
def test_agrees_when_the_phrase_is_there(phrase: str, before: str, after: str) -> None:
    target = before + phrase.upper() + after
    assert verbatim_in(phrase, target) == (_verbatim(phrase).search(target) is not None)


def test_names_with_suffixes_and_boundaries() -> None:
    assert verbatim_in("Putin", "President Putin's visit")
    assert verbatim_in("Russia", "the Russian army")
    assert not verbatim_in("Putin", "Putinism spreads")
    assert not verbatim_in("May", "Theresa-May")
    assert verbatim_in("NYC", "in nyc today")
    assert verbatim_in("Støre", "Jonas Gahr Støre said")  # non-ASCII: the regex path
    assert not verbatim_in("Sanders", "Saunders said")
