from __future__ import annotations

import pytest

from l10n.checks.negation import NegationCountCheck, u_words
from l10n.checks.pitfalls import PitfallCheck

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


# A translator says a negated predicate by its opposite word, a negated scalar by a focus word,
# "ennå ikke" by "yet to" (hand-written pairs, one per family row of negation-paraphrase-nb-en.tsv).
SAID_BY_THE_OPPOSITE = [
    ("Han husket ikke hvor han hadde parkert bilen.", "He forgot where he had parked the car."),
    ("Laget vant ikke en eneste kamp i høst.", "The team lost every single match this autumn."),
    ("Statsministeren godtok ikke forslaget.", "The prime minister rejected the proposal."),
    ("Det er ikke lov å røyke på stasjonen.", "Smoking is prohibited at the station."),
    ("Hun tror ikke at avtalen vil holde.", "She doubts that the deal will hold."),
    ("Det kom ikke mange tilskuere til kampen.", "Few spectators came to the match."),
    ("Det var ikke mye snø i fjellet i år.", "There was little snow in the mountains this year."),
    ("Det tok ikke lang tid før brannvesenet var på plass.", "The fire brigade arrived shortly afterwards."),
    ("Hun er ikke særlig flink til å lage mat.", "She is quite bad at cooking."),
    ("Regjeringen har ennå ikke lagt fram budsjettet.", "The government has yet to present the budget."),
    ("Butikken åpner ikke før klokka ti.", "The shop only opens at ten."),
    ("Han fikk ikke mer enn tre prosent av stemmene.", "He won only three percent of the votes."),
    ("Avtalen gjelder ikke for ansatte i staten.", "The agreement excludes state employees."),
    ("Politiet vil ikke utelukke at brannen var påsatt.", "Police say the fire may have been started deliberately."),
    ("Byen har ikke hatt så mye nedbør siden 1990.", "The city has had its wettest spell since 1990."),
    ("Kommunen har ikke bare bygd en ny skole, men også en idrettshall.", "The municipality has built a new school as well as a sports hall."),
    ("Det er ikke første gang dette skjer.", "This has happened before."),
    ("Ingen andre enn presidenten kan gi ordren.", "Only the president can give the order."),
    ("Han mistet ikke motet.", "He kept his spirits up."),
    ("Dette er ikke noen liten sak.", "This is a big deal."),
    ("Hytta ligger ikke langt fra sjøen.", "The cabin is close to the sea."),
]


@pytest.mark.parametrize("source,target", SAID_BY_THE_OPPOSITE)
def test_negation_said_by_the_opposite_word_passes_both_negation_rules(source, target):
    assert passes(NegationCountCheck(), source, target)
    assert not [f for f in findings(PitfallCheck(), source, target) if "negation-lost" in f.message]


@pytest.mark.parametrize("source,target", [
    ("Han husket ikke hvor han hadde parkert bilen.", "He remembered where he had parked the car."),
    ("Statsministeren godtok ikke forslaget.", "The prime minister accepted the proposal."),
    ("Det kom ikke mange tilskuere til kampen.", "Many spectators came to the match."),
    ("Regjeringen har ennå ikke lagt fram budsjettet.", "The government has presented the budget."),
    ("Du kan ikke bare gå hjem nå.", "You can just go home now."),  # not the additive "ikke bare ... men"
    ("Han er ikke lenger medlem av partiet.", "He is a member of the party any more."),  # "any more" goes with the negation
    ("Vi vet ikke helt sikkert, men det kan ha vært ham.", "We do know for sure, but it may have been him."),
    ("Du kan ikke gjøre noe annet enn å vente.", "You can do anything other than wait."),  # "other than" goes with the negation
    ("Han mistet ikke motet.", "He lost his spirits."),
])
def test_the_opposite_word_must_be_there_and_be_an_opposite(source, target):
    assert findings(NegationCountCheck(), source, target)


def test_a_litotes_negates_nothing():
    check = NegationCountCheck()
    assert passes(check, "Det er ikke uvanlig at fergene blir forsinket om vinteren.", "It is common for the ferries to be delayed in winter.")
    assert passes(check, "Ministeren var ikke ukjent med problemene.", "The minister was well aware of the problems.")
    assert not [f for f in findings(PitfallCheck(), "Det er ikke uvanlig at fergen er sen.", "The ferry is often late.") if "negation-lost" in f.message]
    # "ikke" negating the verb, with a u- word in the object, is no litotes
    assert findings(check, "Hun setter seg ikke urealistiske mål.", "She sets herself unrealistic goals.")
    assert findings(check, "Det er ikke vanlig at fergene blir forsinket.", "It is common for the ferries to be delayed.")


def test_one_negation_scoping_over_or_keeps_two():
    check = NegationCountCheck()
    source = "Pasientene blir aldri spurt og får aldri vite hva som skjer."
    assert passes(check, source, "The patients are never asked or told what is happening.")
    assert findings(check, source, "The patients are never asked and are told what is happening.")
    # an "or" in another clause is not under the negation
    assert findings(check, "Det regnet ikke, og de ble ikke våte.", "It did not rain, and they got wet or dry.")


def test_det_er_ikke_sant_is_a_negation_and_the_tag_is_not():
    check = NegationCountCheck()
    assert findings(check, "Det er ikke sant.", "It is true.")
    assert passes(check, "Du kommer i morgen, ikke sant?", "You are coming tomorrow, right?")


def test_a_litotes_rendered_with_its_negative_word_must_keep_the_not():
    check = NegationCountCheck()
    source = "Det er ikke urealistisk at prisene faller i vår."
    assert passes(check, source, "It is not unrealistic that prices will fall this spring.")
    assert passes(check, source, "It is quite realistic that prices will fall this spring.")
    assert findings(check, source, "It is unrealistic that prices will fall this spring.")


def test_ikke_after_a_name_is_a_negation():
    check = NegationCountCheck()
    assert findings(check, "De sier at Tom ikke kommer til å gjøre det.", "They say that Tom will do it.")
    assert passes(check, "De sier at Tom ikke kommer til å gjøre det.", "They say that Tom won't do it.")
    found = findings(PitfallCheck(), "Hvis Tom ikke kan jobbe lenger, tar du over.", "If Tom can work any more, you take over.")
    assert any("negation-lost" in f.message for f in found)


def test_an_empty_or_not_alternative_is_no_negation():
    check, pitfall = NegationCountCheck(), PitfallCheck()
    source = "Partiet bestemmer i dag om det vil støtte forslaget eller ikke."
    good = "The party will decide today whether to back the proposal."
    assert passes(check, source, good) and passes(pitfall, source, good)
    # a real negation beside it still counts
    two = "Han sa ikke om han ville komme eller ikke."
    assert passes(check, two, "He did not say whether he would come.")
    assert findings(check, two, "He said whether he would come.")
    assert findings(pitfall, "Partiet vil ikke støtte forslaget.", "The party will back the proposal.")


@pytest.mark.parametrize("source,good,reversed_", [
    ("Isen var ikke tykk nok til å gå på.", "The ice was too thin to walk on.", "The ice was thick enough to walk on."),
    ("Tiltaket skal sørge for at viruset ikke sprer seg videre.", "The measure is meant to stop the virus from spreading further.",
     "The measure is meant to make the virus spread further."),
    ("Forklaringene hans henger ikke sammen.", "His explanations are inconsistent.", "His explanations are consistent."),
    ("Medisinen var ikke å få tak i på apoteket.", "The medicine was out of stock at the pharmacy.",
     "The medicine was available at the pharmacy."),
    ("Registrering er ikke obligatorisk for deltakerne.", "Registration is optional for participants.",
     "Registration is compulsory for participants."),
    ("Butikken er ikke åpen på søndager.", "The shop is closed on Sundays.", "The shop is open on Sundays."),
])
def test_negation_said_by_a_construction_or_an_antonym(source, good, reversed_):
    for check in (NegationCountCheck(), PitfallCheck()):
        assert passes(check, source, good)
        assert findings(check, source, reversed_)


def test_constructions_the_source_says_without_a_negator_do_not_count():
    check = NegationCountCheck()
    # "for fattig til å" is "too poor to": it renders no "ikke"
    source = "Vi hadde ikke råd, for vi var for fattige til å kjøpe huset."
    assert passes(check, source, "We could not afford it, as we were too poor to buy the house.")
    assert findings(check, source, "We could afford it, as we were too poor to buy the house.")
    # an empty "or not" in the translation is no kept negation either
    two = "Hun vet ikke om de kommer eller ikke, men hun venter."
    assert passes(check, two, "She doesn't know whether they are coming or not, but she is waiting.")
    assert findings(check, "Hun tror ikke at de kommer, og spør om de vil eller ikke.",
                    "She thinks they are coming, and asks whether or not they want to.")


def test_a_prefixed_adjective_is_counted_once():
    check = NegationCountCheck()  # "independent" is in the other-words list and a prefixed adjective
    source = "Han sa aldri at avisen var uavhengig."
    assert passes(check, source, "He never said the paper was independent.")
    assert findings(check, source, "He said the paper was independent.")  # the un-word renders "uavhengig" only


def test_a_sentence_opening_litotes_is_no_negation():
    check = NegationCountCheck()
    assert passes(check, "Ikke uventet vant hjemmelaget kampen.", "As expected, the home side won the match.")
    assert findings(check, "Ikke alle i laget var enige.", "Everyone on the team agreed.")  # no u- word: a negation


@pytest.mark.parametrize("source,good,reversed_", [
    ("Hun rakk ikke det siste toget.", "She missed the last train.", "She caught the last train."),
    ("Det var ikke lenge siden hun flyttet hit.", "She had only recently moved here.", "She had long ago moved here."),
])
def test_antonyms_of_irregular_forms(source, good, reversed_):
    check = NegationCountCheck()
    assert passes(check, source, good)
    assert findings(check, source, reversed_)
