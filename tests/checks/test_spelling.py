"""The spelling rules the names checks share: a misspelling versus the same name spelt otherwise."""

from __future__ import annotations

import pytest

from l10n.checks.spelling import cognate_spelling, is_typo, same_stem


@pytest.mark.parametrize("name,token", [("saunders", "sanders"), ("ferguson", "fergusson")])
def test_one_letter_dropped_or_doubled_is_a_typo(name: str, token: str) -> None:
    assert is_typo(name, token)


def test_transliteration_is_no_typo() -> None:
    assert not is_typo("sjojgu", "shoigu")  # Norwegian and English spellings of one Russian name


def test_an_inflected_name_has_the_same_stem() -> None:
    assert same_stem("Putin", "Putins")


@pytest.mark.parametrize("name,token", [
    ("Konsoll", "Console"), ("Attributt", "Attribute"), ("Artikkel", "Article"),
    ("Kristoffer", "Christopher"), ("Sjanghai", "Shanghai"), ("Permanent", "Permanently"),
])
def test_an_english_cognate_spelling_is_no_typo(name, token):
    assert cognate_spelling(name, token)
    assert not is_typo(name, token)


@pytest.mark.parametrize("name,token", [
    ("Ferguson", "Fergusson"),  # a letter doubled
    ("Thomas", "Tomas"),  # an English letter lost
    ("Saunders", "Sanders"), ("Lake", "Lak"),
])
def test_a_misspelling_is_no_cognate(name, token):
    assert not cognate_spelling(name, token)
    assert is_typo(name, token)
