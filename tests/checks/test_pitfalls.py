from __future__ import annotations

import pytest

from l10n.checks.pitfalls import PitfallCheck, pitfall_rules

from .helpers import findings, passes

GOOD = [
    ("Mannen skal ha falt fra taket.", "The man reportedly fell from the roof."),
    ("Mannen skal ha falt fra taket.", "The man is said to have fallen from the roof."),
    ("Han mener at det er feil.", "He believes it is wrong."),
    ("Hva mente du med det?", "What did you mean by that?"),  # the one sense where "mean" is right
    ("Det er ikke sant.", "It is not true."),
    ("Ingen ble skadet.", "Nobody was injured."),
    ("Han har aldri vært der.", "He has never been there."),
    ("Det er ikke uventet.", "It is unsurprising."),
    ("Ikke minst turistene jublet.", "The tourists in particular cheered."),
    ("Den røde løperen ble rullet ut.", "The red carpet was rolled out."),
    ("Vi kan eventuelt utsette møtet.", "We could possibly postpone the meeting."),
    ("Han kom for to år siden.", "He came two years ago."),
    ("Han leter etter hunden.", "He is looking for the dog."),
    ("Det er snart ett år siden.", "It is almost a year ago."),
    ("Statsministeren kom.", "The prime minister arrived."),
    ("Russland kontrollerer byen.", "Russia controls the city."),
]
BAD = [
    ("Mannen skal ha falt fra taket.", "The man must have fallen from the roof.", "reportative-skal-ha"),
    ("Han mener at det er feil.", "He realizes that it is wrong.", "mener-means"),
    ("Han mener at det er feil.", "He means that it is wrong.", "mener-means"),
    ("Hun mente at det var feil.", "She meant that it was wrong.", "mener-means"),
    ("Det er ikke sant.", "It is true.", "negation-lost"),
    ("Ingen ble skadet.", "Everyone was injured.", "negation-lost"),
    ("Den røde løperen ble rullet ut.", "The red runner was rolled out.", "red-runner"),
    ("Vi kan eventuelt utsette møtet.", "We can eventually postpone the meeting.", "eventuelt-eventually"),
    ("Saken er ikke lenger aktuell.", "The case is no longer actual.", "aktuell-actual"),
    ("De skal kontrollere om reglene følges.", "They will control whether the rules are followed.", "kontrollere-control"),
    ("Han leter etter hunden.", "He is searching after the dog.", "etter-after-search"),
    ("Han kom for to år siden.", "He came two years since.", "for-siden-since"),
    ("Det er snart ett år siden.", "It is soon one year ago.", "snart-soon"),
    ("Statsministeren kom.", "The state minister arrived.", "state-minister"),
    ("Gjelden er 2 billioner kroner.", "The debt is 2 billion kroner.", "nb-billion"),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_pitfalls_pass(source, target):
    assert passes(PitfallCheck(), source, target)


@pytest.mark.parametrize("source,target,rule", BAD)
def test_pitfalls_fail(source, target, rule):
    found = findings(PitfallCheck(), source, target)
    assert any(rule in f.message for f in found)


def test_rules_load_with_unique_ids():
    ids = [r.rule_id for r in pitfall_rules()]
    assert len(ids) == len(set(ids)) >= 20


NEWS_BAD = [
    ("Han kommer i morgen.", "He is coming in the morning.", "i-morgen-morning"),
    ("Saken kom opp i lagmannsretten.", "The case came up in the lawman's court.", "lagmannsrett"),
    ("Det ble målt kast på 41,5 m/s.", "Throws of 41.5 m/s were measured.", "vindkast"),
    ("Beløpet vil ikke gå ut over tjenestene.", "The amount will not go out over the services.", "gaa-ut-over"),
    ("Mannen har fått varige mén.", "The man has suffered lasting men.", "men-harm"),
    ("Kommunen må betale erstatning.", "The municipality must pay replacement.", "erstatning"),
]


@pytest.mark.parametrize("source,target,rule", NEWS_BAD)
def test_news_pitfalls(source, target, rule):
    assert any(rule in f.message for f in findings(PitfallCheck(), source, target))
    assert passes(PitfallCheck(), source, "A correct translation, not lacking anything.")


NEGATION_IN_OTHER_WORDS = [
    ("Han er ikke tolerant overfor kritikk.", "He is intolerant of criticism."),
    ("Ministeren var ikke klar over saken.", "The minister was oblivious to the case."),
    ("Laget nådde ikke målet sitt.", "The team fell short of its goal."),
    ("Hun prøvde å ikke le.", "She tried to keep from laughing."),
    ("Det var ikke lovlig å bygge der.", "Building there was illegal."),
    ("Jeg vet ikke hva jeg skal si.", "I am at a loss what to say."),
]


@pytest.mark.parametrize("source,target", NEGATION_IN_OTHER_WORDS)
def test_negation_said_in_other_words_passes(source, target):
    assert passes(PitfallCheck(), source, target)


def test_prefixed_words_that_are_no_negation_do_not_count():
    assert findings(PitfallCheck(), "Han er ikke tolerant.", "He is tolerant.")
    assert findings(PitfallCheck(), "Det er ikke sant.", "It is interesting.")  # in+teresting is no adjective


def test_ikke_sant_is_a_tag_not_a_negation():
    assert passes(PitfallCheck(), "Ikke sant?", "Right?")
    assert findings(PitfallCheck(), "Det er ikke sant.", "It is true.")
    assert passes(PitfallCheck(), "Du kommer, ikke sant?", "You're coming, right?")
