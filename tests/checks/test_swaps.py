from __future__ import annotations

from l10n.checks.swaps import SwappedNamesCheck

from .helpers import fails, findings, passes


def test_names_swapped_around_a_verb():
    found = findings(SwappedNamesCheck(), "Sør-Afrika slo Zambia 2–1.", "Zambia beat South Africa 2–1.")
    assert found and "Afrika" in found[0].message
    assert passes(SwappedNamesCheck(), "Sør-Afrika slo Zambia 2–1.", "South Africa beat Zambia 2–1.")


def test_names_may_change_places_where_the_facts_stay():
    check = SwappedNamesCheck()
    assert passes(check, "Sør-Afrika slo Zambia.", "Zambia was beaten by South Africa.")  # passive
    assert passes(check, "Hershey og Chase brukte fager.", "Chase and Hershey used phages.")  # a list
    assert passes(check, "Hovedstaden i Samoa er Apia.", "Apia is the capital of Samoa.")  # copula


def test_a_sentence_opening_country_and_names_with_initials_are_placed():
    check = SwappedNamesCheck()
    assert fails(check, "Sverige slo Danmark 3–1 i finalen.", "Denmark beat Sweden 3–1 in the final.")
    assert passes(check, "Sverige slo Danmark 3–1 i finalen.", "Sweden beat Denmark 3–1 in the final.")
    source = "I mange år arbeidet Kowalczyk for George H. Lundqvist."
    assert fails(check, source, "For many years George H. Lundqvist worked for Kowalczyk.")
    assert passes(check, source, "For many years Kowalczyk worked for George H. Lundqvist.")


def test_a_preposition_links_two_names_only_when_it_stands_between_them_alone():
    check = SwappedNamesCheck()
    # "i" as the link: the university in Trondheim may be named either way round
    assert passes(check, "Hun studerte ved NTNU i Trondheim.", "She studied at Trondheim's NTNU.")
    # "i" inside a longer gap links nothing: born in one country, raised in the other
    assert fails(check, "Hun ble født i Polen og vokste opp i Tyskland.", "She was born in Germany and grew up in Poland.")


def test_a_comma_between_the_names_in_the_translation_is_a_faithful_restructuring():
    check = SwappedNamesCheck()
    source = "Soldater kjempet i Mali og mange andre steder i Afrika."
    assert passes(check, source, "Soldiers fought across Africa, in Mali and many other places.")


def test_a_relative_copula_may_turn_round_an_apposition():
    check = SwappedNamesCheck()
    assert passes(check, "Kari Nordmann ble intervjuet av Dagsrevyen som er et TV-program.", "Kari Nordmann was interviewed by TV programme Dagsrevyen.")


def test_a_country_is_placed_by_its_name_before_its_adjective():
    check = SwappedNamesCheck()
    source = "De franske styrkene forlot Frankrike og marsjerte mot Tyskland."
    assert fails(check, source, "The French forces left Germany and marched towards France.")
    assert passes(check, source, "The French forces left France and marched towards Germany.")


def test_a_place_named_twice_in_the_source_cannot_be_placed():
    check = SwappedNamesCheck()
    source = "Sveriges statsminister Ulf Kristersson besøkte onsdag en fabrikk i Sverige."
    assert passes(check, source, "Swedish Prime Minister Ulf Kristersson visited a factory in Sweden on Wednesday.")
