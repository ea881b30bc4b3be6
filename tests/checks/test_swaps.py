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
