"""False positives found on the repository's own reviewed translations, kept fixed."""

from __future__ import annotations

from l10n.checks.leftover import LeftoverSourceCheck
from l10n.checks.names import NamesCheck
from l10n.checks.numbers import DatesCheck, NumbersCheck

from .helpers import context, fails, passes


def test_24_hour_clock_may_become_12_hour_news_style() -> None:
    check = NumbersCheck()
    assert passes(check, "Vindkastet kom like etter klokken 18.", "The gust came shortly after 6 p.m.")
    assert passes(check, "Det verste ventes mellom kl. 22 og kl. 04.", "The worst is expected between 10 p.m. and 4 a.m.")
    assert fails(check, "Det verste ventes mellom kl. 22 og kl. 04.", "The worst is expected between 9 p.m. and 4 a.m.")


def test_natt_til_a_weekday_may_name_the_day_before() -> None:
    check = DatesCheck()
    assert passes(check, "Det verste ventes natt til onsdag.", "The worst is expected Tuesday night.")
    assert passes(check, "Det verste ventes natt til onsdag.", "The worst is expected overnight into Wednesday.")
    assert fails(check, "Det verste ventes onsdag.", "The worst is expected Tuesday.")


def test_lower_case_word_inside_a_copied_place_name_is_no_leftover() -> None:
    check = LeftoverSourceCheck()
    assert passes(check, "Farevarsel fra Rogaland til Møre og Romsdal.", "A warning from Rogaland to Møre og Romsdal.")
    assert fails(check, "Det blåser og regner i Rogaland.", "It is windy og raining in Rogaland.")


def test_a_name_capitalised_mid_sentence_elsewhere_is_a_name_at_sentence_start() -> None:
    check = LeftoverSourceCheck()
    ctx = context()
    pairs = [("Flyene står, og Avinor beklager.", "Planes are grounded, and Avinor apologizes.", None),
             ("Avinor har innstilt avganger.", "Avinor has canceled departures.", None)]
    check.prepare(pairs, ctx)
    assert passes(check, pairs[1][0], pairs[1][1], ctx)


def test_sms_may_be_spelt_out() -> None:
    check = NamesCheck()
    assert passes(check, "Systemet sender SMS til innbyggerne.", "The system sends text messages to residents.")
