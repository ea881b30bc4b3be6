from __future__ import annotations

import pytest

from l10n.checks.leftover import LeftoverSourceCheck

from .helpers import context, fails, passes

GOOD = [
    ("Orkesteret spilte musikk.", "The orchestra played music."),
    ("Det skriver Aftenposten.", "Aftenposten writes this."),
    ("Saken er i Stortinget.", "The matter is before the Stortinget."),
    ("Det kostet 3000 kroner.", "It cost 3,000 kroner."),
    ("Han dro en route.", "He left en route to Oslo."),
    ("Hun er i Oslo.", "She is in Oslo at the moment."),
    # a multi-word name at the start of both sentences is copied, not left untranslated
    ("Norges Bank satte opp renten.", "Norges Bank raised the interest rate."),
    ("Eiendom Norge venter lavere vekst.", "Eiendom Norge expects lower growth."),
    # English words of Norwegian-looking parts, and names of the translation's own
    ("Bitterheten var stor etter nullstillingen.", "The bitterness was great after the resetting."),
    ("Ukas våpen sviktet.", "Uka's weapon failed."),  # a possessive marks a name
    ("Det ble sendt i svensk radio.", "It was broadcast on Sveriges Radio."),  # a multi-word name
    ("De danset.", "They played a danse macabre."),
    # a name or acronym opening both sentences is copied, not left (the lexicon knows them as words)
    ("Equinor la fram tallene tirsdag.", "Equinor presented the figures on Tuesday."),
    ("Vinmonopolet stenger klokka 18.", "Vinmonopolet closes at 18:00."),
    ("Aftenposten skriver at saken er løst.", "Aftenposten writes that the case is solved."),
    ("NHO mener skatten er for høy.", "NHO believes the tax is too high."),
]
BAD = [
    ("Orkesteret spilte musikk.", "The orchestra spilte music."),
    ("Det er ikke sant.", "It is ikke true."),
    ("Han og hun kom.", "He og she came."),
    ("Forsvarsministeren kom.", "The forsvarsministeren arrived."),
    ("Derfor sa Solberg nei.", "Derfor Solberg said no."),  # not a name run: the source has no "Derfor Solberg"
    # words English has only as rare words or names (barnet, levert), and compounds of Norwegian words
    ("Han har levert rapporten.", "He has levert the report."),
    ("Hun besøkte øyelegen.", "She visited the øyelegen."),
    ("Vi kjørte over fjellpasset.", "We drove over the fjellpass."),
    ("Byen skiller seg fra andre afrikanske byer.", "The city differs from the other afrikansk's cities."),
    ("Tysklands kansler kom.", "Tyskland's chancellor came."),  # a place name stays Norwegian in the possessive
    # a common word opening both sentences is still left untranslated (too frequent to be a name)
    ("Likevel kom han tilbake.", "Likevel he came back."),
    ("Politiet rykket ut.", "Politiet responded."),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_leftover_pass(source, target):
    assert passes(LeftoverSourceCheck(), source, target)


@pytest.mark.parametrize("source,target", BAD)
def test_leftover_fail(source, target):
    assert fails(LeftoverSourceCheck(), source, target)


def test_leftover_is_nb_to_en_only():
    check = LeftoverSourceCheck()
    assert not check.applies(context("en", "nb"))
    assert check.applies(context("nb", "en-GB"))


def test_compounds_and_capitalised_norwegian_by_decompounding():
    from l10n.checks.leftover import LeftoverSourceCheck, is_compound

    check = LeftoverSourceCheck()
    assert fails(check, "Han kjøpte pakkeløsninger.", "He bought pakkeløsninger.")
    assert fails(check, "Hun reiste til Tyskland.", "She travelled to Tyskland.")
    assert fails(check, "Utenriksdepartementet sier nei.", "The Utenriksdepartementet says no.")
    assert passes(check, "Hun reiste til Tyskland.", "She travelled to Germany.")
    assert passes(check, "Han bor i Lillehammer.", "He lives in Lillehammer.")
    assert passes(check, "Det sa Norges Bank.", "Norges Bank said so.")
    assert not is_compound("basketball")
