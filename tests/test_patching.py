"""Token patching of fuzzy TM matches: numbers, weekdays, months, glossary names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.glossary import parse_glossary_csv
from l10n.patching import NUMBER, WEEKDAY, patch_translation, render_number, source_differences, tokenize

NB_MEETING = "Møtet er tirsdag 26. juli."
EN_MEETING = "The meeting is on Tuesday 26 July."


def test_weekday_and_date_are_patched() -> None:
    result = patch_translation(NB_MEETING, EN_MEETING, "Møtet er onsdag 27. juli.", "nb", "en")
    assert result.target == "The meeting is on Wednesday 27 July."
    assert result.patched
    assert result.note == "patched: tirsdag→onsdag, 26→27"


def test_month_is_patched() -> None:
    result = patch_translation(NB_MEETING, EN_MEETING, "Møtet er tirsdag 26. august.", "nb", "en")
    assert result.target == "The meeting is on Tuesday 26 August."


@pytest.mark.parametrize(
    "old_nb,old_en,new_nb,expected",
    [
        ("Prisen steg med 3,5 prosent.", "The price rose by 3.5 per cent.", "Prisen steg med 4,25 prosent.",
         "The price rose by 4.25 per cent."),
        ("Over 3 000 soldater deltok.", "More than 3,000 soldiers took part.", "Over 12 500 soldater deltok.",
         "More than 12,500 soldiers took part."),
        ("De møttes sist i 2019.", "They last met in 2019.", "De møttes sist i 2023.", "They last met in 2023."),
        ("Møtet er 1. juli.", "The meeting is on the 1st of July.", "Møtet er 22. juli.",
         "The meeting is on the 22nd of July."),
        ("Over 1500 mann.", "Over 1,500 men.", "Over 1600 mann.", "Over 1,600 men."),
    ],
)
def test_number_formats(old_nb: str, old_en: str, new_nb: str, expected: str) -> None:
    assert patch_translation(old_nb, old_en, new_nb, "nb", "en").target == expected


def test_weekday_capitalisation_follows_translation() -> None:
    result = patch_translation("Han kom mandag.", "He came on monday.", "Han kom fredag.", "nb", "en")
    assert result.target == "He came on friday."


def test_unsafe_patch_keeps_target_and_says_so() -> None:
    result = patch_translation(NB_MEETING, "Meeting on 26 July.", "Møtet er onsdag 27. juli.", "nb", "en")
    assert result.target == "Meeting on 26 July."
    assert not result.patched
    assert result.note == "not patched: 'Tuesday' not found in the translation"


def test_other_word_differences_are_not_patched() -> None:
    result = patch_translation(NB_MEETING, EN_MEETING, "Festen er onsdag 27. juli.", "nb", "en")
    assert result.target == EN_MEETING
    assert not result.patched and result.note == ""


def test_glossary_names_are_patched() -> None:
    glossary = parse_glossary_csv("source,target,type\nSjojgu|Sjojgus,Shoigu,name\nKozjemjako|Kozjemjakos,Kozhemyako,name\n")
    result = patch_translation(
        "Sjojgus besøk ble godt mottatt.", "Shoigu's visit was well received.",
        "Kozjemjakos besøk ble godt mottatt.", "nb", "en", glossary,
    )
    assert result.target == "Kozhemyako's visit was well received."


def test_names_without_glossary_are_words() -> None:
    result = patch_translation("Sjojgu kom.", "Shoigu came.", "Lavrov kom.", "nb", "en")
    assert result.target == "Shoigu came." and not result.patched


def test_tokenize_groups_norwegian_numbers_and_calendar_names() -> None:
    tokens = tokenize("Tirsdag 26. juli kom 3 000 mann og 2,5 tonn.", "nb")
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["Tirsdag"] == WEEKDAY
    assert kinds["3 000"] == NUMBER and kinds["2,5"] == NUMBER and kinds["26"] == NUMBER


def test_source_differences_rejects_insertions() -> None:
    a = tokenize("Kim kom tirsdag.", "nb")
    b = tokenize("Kim kom sent tirsdag.", "nb")
    assert source_differences(a, b) is None


def test_render_number() -> None:
    assert render_number("3,5", "nb", "en") == "3.5"
    assert render_number("3 000", "nb", "en") == "3,000"
    assert render_number("3\u00a0000,75", "nb", "en") == "3,000.75"
    assert render_number("2019", "nb", "en") == "2019"


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_any_integer_change_is_patched(old: int, new: int) -> None:
    old_nb, new_nb = f"Det kom {old} personer.", f"Det kom {new} personer."
    result = patch_translation(old_nb, f"{old} people came.", new_nb, "nb", "en")
    assert result.target == f"{new} people came."


@pytest.mark.parametrize(
    "old_nb,old_en,new_nb,expected",
    [
        ("Tre personer ble sendt til sykehus.", "Three people were taken to hospital.",
         "Fem personer ble sendt til sykehus.", "Five people were taken to hospital."),
        ("Han har tre barn.", "He has three children.", "Han har syv barn.", "He has seven children."),
        ("Han har tre barn.", "He has 3 children.", "Han har fem barn.", "He has 5 children."),
        ("Det kom tre busser mandag.", "Three buses came on Monday.", "Det kom fire busser tirsdag.",
         "Four buses came on Tuesday."),
    ],
)
def test_spelled_out_numbers_are_patched(old_nb: str, old_en: str, new_nb: str, expected: str) -> None:
    """A TM match differing in "tre"/"fem" must not carry "Three" into a "Fem" sentence."""
    result = patch_translation(old_nb, old_en, new_nb, "nb", "en")
    assert result.patched and result.target == expected


def test_spelled_out_number_against_digits_is_left_alone() -> None:
    result = patch_translation("Det kom tre busser.", "Three buses came.", "Det kom 4 busser.", "nb", "en")
    assert not result.patched and result.target == "Three buses came."
