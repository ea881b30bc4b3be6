"""Word counts by pocount's rules; the shortcuts for text without tags or dots change nothing."""

from __future__ import annotations

from hypothesis import given, strategies as st

from l10n import wordcount
from l10n.wordcount import count_words


def _every_pass(text: str) -> int:
    """All of pocount's passes, unconditionally (what count_words did before its shortcuts)."""
    text = wordcount._DOT.sub(" ", wordcount._XML.sub("", wordcount._BR.sub("\n", text)))
    return sum(1 for _ in wordcount._WORD.finditer(text))


def test_pocount_rules() -> None:
    assert count_words("Han kom hjem kl. 20.30, og 3,5 mill. kr. var borte.") == 11
    assert count_words("Se <b>dette</b><br/>nå") == 3
    assert count_words("") == 0


@given(st.lists(st.sampled_from(["ord", "Ø", " ", ".", ",", "3", "<br>", "<i>", "</i>", "'", "’", ":", "_", "-"]),
                max_size=40).map("".join))
def test_same_count_as_every_pass(text: str) -> None:
    assert count_words(text) == _every_pass(text)
