from __future__ import annotations

import pytest

from l10n.checks.numbers import NumbersCheck
from l10n.checks.times import TimesCheck, target_dates

from .helpers import fails, findings, passes

GOOD = [
    ("Møtet starter kl. 20.30.", "The meeting starts at 8:30 p.m."),
    ("Møtet starter kl. 08.15.", "The meeting starts at 8.15am."),
    ("Han kommer kl. 8 i kveld.", "He comes at 8 p.m. tonight."),  # colloquial 12-hour time
    ("Han ble født 05.09.2021.", "He was born on 5 September 2021."),
    ("Han ble født 05.09.2021.", "He was born on September 5th, 2021."),
    ("Det skjedde i fjor.", "It happened last year."),
    ("Han kom tidlig, men gikk sent.", "He came early but left late."),
    ("Tidligere i år kom han.", "Earlier this year he came."),
]
BAD = [
    ("Møtet starter kl. 20.30.", "The meeting starts at 8:30 a.m.", "8:30 a.m."),
    ("Det skjedde i fjor.", "It happened this year.", "this year"),
    ("Det skjedde sent i 2015.", "It happened early in 2015.", "early"),
    ("Vi kommer i morgen.", "We came yesterday.", "yesterday"),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_times_pass(source, target):
    assert passes(TimesCheck(), source, target)


@pytest.mark.parametrize("source,target,span", BAD)
def test_times_fail(source, target, span):
    found = findings(TimesCheck(), source, target)
    assert found and target[found[0].span[0]:found[0].span[1]] == span


def test_numeric_date_with_day_and_month_swapped():
    found = findings(TimesCheck(), "Han ble født 05.09.2021.", "He was born on 9 May 2021.")
    assert found and found[0].side == "source" and "5 September" in found[0].message
    assert target_dates("on 9 May and the 5th of September") == {(9, 5), (5, 9)}


def test_small_number_words_changed():
    assert fails(NumbersCheck(), "Det tok tre år.", "It took two years.")
    assert passes(NumbersCheck(), "Det tok tre år.", "It took three years.")
    assert passes(NumbersCheck(), "De to brødrene kom.", "The two brothers came.")


def test_morning_words_do_not_make_a_24_hour_time_vague():
    check = TimesCheck()
    assert fails(check, "Løpet startet kl. 10:00 etter litt morgentåke.", "The race started at 10:00pm after some morning fog.")
    assert passes(check, "Løpet startet kl. 10:00 etter litt morgentåke.", "The race started at 10:00am after some morning fog.")
    assert passes(check, "Vi ses kl. 8 i kveld.", "See you at 8 p.m. tonight.")  # colloquial 12-hour time


def test_inflected_tidlig():
    check = TimesCheck()
    assert fails(check, "Hun tok den tidlige ledelsen.", "She took the late lead.")
    assert passes(check, "Hun tok den tidlige ledelsen.", "She took the early lead.")
