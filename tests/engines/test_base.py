"""Engine base helpers: the regex form of has_words is the per-character test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.engines.base import has_words


@given(st.text(max_size=20) | st.text(alphabet=" _-«»—–…,.!?0١²½ⅷ\u00a0\u200b\u0301aØ", max_size=10))
@settings(max_examples=400)
def test_has_words_is_any_alphanumeric_character(text: str) -> None:
    assert has_words(text) == any(ch.isalnum() for ch in text)
