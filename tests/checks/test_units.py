from __future__ import annotations

import pytest

from l10n.checks.units import UnitsCheck, quantities

from .helpers import fails, findings, passes

GOOD = [
    ("Den veide 250 kg.", "It weighed 550 pounds."),  # converted, rounded
    ("Han løp 50 km.", "He ran 31 miles."),
    ("Det var +30 °C i går.", "It was 86 °F yesterday."),
    ("Det tok to timer.", "It took two hours."),
    ("Det tok en halvtime.", "It took half an hour."),
    ("en 13 år gammel gutt", "a 13-year-old boy"),
    ("Farten var 90 km/t.", "The speed was 90 km/h."),
    ("Det tok ti år.", "It took a decade."),
    ("Jordskjelvet var 20 km (15 miles) unna.", "The earthquake was 20 km (15 miles) away."),
    ("Det var 30 grader på Lista.", "It was 86 degrees Fahrenheit at Lista."),
]
BAD = [
    ("Han løp 50 km.", "He ran 50 miles.", "50 miles"),
    ("Det var +30 °C.", "It was +30 °F.", "+30 °F"),
    ("Det tok to timer.", "It took two minutes.", "two minutes"),
    ("Renten steg 2 prosentpoeng.", "The rate rose 2 per cent.", "2 per cent"),
    # "degrees" alone is Celsius, not before "Fahrenheit"
    ("Det var 30 grader på Lista.", "It was 30 degrees Fahrenheit at Lista.", "30 degrees Fahrenheit"),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_units_pass(source, target):
    assert passes(UnitsCheck(), source, target)


@pytest.mark.parametrize("source,target,span", BAD)
def test_units_fail(source, target, span):
    found = findings(UnitsCheck(), source, target)
    assert found and target[found[0].span[0]:found[0].span[1]] == span


def test_quantities_read_values_and_units():
    (q,) = quantities("Det var minus 5 grader.", "nb")
    assert q.values == (-5.0,) and q.unit.dimension == "temperature"
    assert [x.unit.name for x in quantities("2,5 km og 3 timer", "nb")] == ["km", "h"]


def test_source_without_units_is_not_judged():
    assert passes(UnitsCheck(), "Han kom i 2015.", "He came 40 miles in 2015.")
    assert fails(UnitsCheck(), "Han kom 4 mil.", "He came 4 miles.")  # a Norwegian mil is 10 km


def test_a_round_figure_is_no_licence_for_another_unit():
    check = UnitsCheck()
    # "100" may be rounded, but not by half: 100 miles is no rendering of 100 km beside 70 km
    assert fails(check, "Den er 70 km tykk her og 100 km tykk der.", "It is 70 km thick here and 100 miles thick there.")
    assert passes(check, "Veien er 200 km lang.", "The road is 120 miles long.")  # 124 miles, rounded
    assert passes(check, "Den veide 1000 kg.", "It weighed 2,000 pounds.")


def test_genitive_time_units():
    check = UnitsCheck()
    assert fails(check, "Etter et 25 minutters møte gikk de.", "After a 25 second meeting they left.")
    assert passes(check, "Etter et 25 minutters møte gikk de.", "After a 25-minute meeting they left.")
    assert fails(check, "Han løp i 30 sekunders tid.", "He ran for 30 minutes.")


def test_degrees_below_zero_carry_their_sign():
    check = UnitsCheck()
    assert passes(check, "Det var 30 kuldegrader i natt.", "It was minus 30 degrees last night.")
    assert passes(check, "Det var 30 kuldegrader i natt.", "It was 30 degrees below zero last night.")
    assert passes(check, "Det var minus 12 grader på Røros.", "It was -12 °C in Røros.")
    assert fails(check, "Det var 30 kuldegrader i natt.", "It was 30 degrees last night.")  # the frost lost
    assert fails(check, "Det var 30 varmegrader i går.", "It was 30 degrees below zero yesterday.")


def test_a_compound_measure_is_one_amount():
    check = UnitsCheck()
    assert passes(check, "Han ble dømt til fengsel i ett år og seks måneder.", "He was sentenced to 18 months in prison.")
    assert passes(check, "Han ble dømt til fengsel i 18 måneder.", "He was sentenced to one year and six months in prison.")
    assert passes(check, "Hoppet var 2 meter og 10 cm.", "The jump was 210 cm.")
    assert fails(check, "Han ble dømt til fengsel i ett år og seks måneder.", "He was sentenced to 16 months in prison.")
    assert fails(check, "Han ble dømt til fengsel i 18 måneder.", "He was sentenced to one year and eight months in prison.")


def test_decades_are_a_unit_of_time():
    check = UnitsCheck()
    assert passes(check, "Hun har jobbet der i to tiår.", "She has worked there for 20 years.")
    assert passes(check, "Det tok et tiår.", "It took a decade.")
    assert fails(check, "Hun har jobbet der i to tiår.", "She has worked there for two years.")
