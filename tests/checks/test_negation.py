from __future__ import annotations

import pytest

from l10n.checks.negation import NegationCountCheck, u_words

from .helpers import findings, passes
from .test_pitfalls import NEGATION_IN_OTHER_WORDS


def test_one_of_two_negations_dropped():
    check = NegationCountCheck()
    source = "Han kom ikke, og hun ble ikke værende."
    assert findings(check, source, "He did not come, and she stayed.")
    assert passes(check, source, "He did not come, and she did not stay.")
    assert passes(check, "Han kom ikke.", "He stayed away.")  # one negation, said in other words


def test_uten_and_without_count_as_negations():
    check = NegationCountCheck()
    assert findings(check, "Vi kan ikke leve uten vann.", "We can live without water.")
    assert passes(check, "Vi kan ikke leve uten vann.", "We cannot live without water.")


def test_a_lone_negation_dropped_without_any_other_wording_is_found():
    check = NegationCountCheck()
    found = findings(check, "Bussen har ennå ikke kommet.", "The bus has yet come.")  # "yet" is no negation
    assert found and "no negation" in found[0].message
    assert passes(check, "Bussen har ennå ikke kommet.", "The bus has not come yet.")


def test_an_english_un_word_for_a_norwegian_u_word_does_not_render_the_ikke():
    check = NegationCountCheck()
    source = "Hun setter seg ikke urealistiske mål."
    assert u_words(source) == 1
    assert findings(check, source, "She sets herself unrealistic goals.")
    assert passes(check, source, "She does not set herself unrealistic goals.")


@pytest.mark.parametrize("source,target", NEGATION_IN_OTHER_WORDS)
def test_negation_said_in_other_words_counts(source, target):
    assert passes(NegationCountCheck(), source, target)


def test_tag_questions_compounds_and_names_are_no_negations():
    check = NegationCountCheck()
    assert passes(check, "Du kommer i morgen, ikke sant?", "You are coming tomorrow, right?")
    assert passes(check, "Det gjelder ikke-medlemmer.", "It applies to outsiders.")
    assert passes(check, "Både Røde Kors og Leger uten grenser hjelper.", "Both the Red Cross and Médecins Sans Frontières help.")


def test_uten_alone_and_uten_tvil_are_no_lost_negation():
    check = NegationCountCheck()
    assert passes(check, "Det er uten tvil den beste måten.", "It is by far the best way.")
    assert passes(check, "Den ligner en firkant uten bunn.", "It looks like a square missing its bottom.")
    assert findings(check, "Han kom ikke uten kona.", "He came with his wife.")  # ikke is still counted
