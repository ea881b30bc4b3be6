from __future__ import annotations

import pytest

from l10n.checks.modality import ModalityCheck, modality_rules, source_modals

from .helpers import fails, findings, passes

GOOD = [
    ("Han kan ha drept henne.", "He may have killed her."),
    ("Du bør gå nå.", "You should go now."),
    ("Vi må reise i morgen.", "We have to leave tomorrow."),
    ("Hun vil komme.", "She will come."),
    ("Han skal visstnok ha reist.", "He has reportedly left."),
    ("Hun skal angivelig ha løyet.", "She allegedly lied."),
    ("Kan du hjelpe meg?", "Will you help me?"),
    ("Jeg skulle ønske jeg kunne synge.", "I wish I could sing."),
    ("Han kom i går.", "He must have come yesterday."),  # no source modal: not judged
    ("Det vil ikke hjelpe.", "That won't help."),
    ("Hun sa at de skal vente.", "She said they would wait."),  # reported speech backshifts
    ("Det er umulig å si.", "It cannot be said."),
    ("Skal vi spise?", "Do you want to eat?"),
    ("Jeg skal reise i morgen.", "I'm going to travel tomorrow."),
    ("Når vi må vente, blir vi sure.", "When we have to wait, we get cross."),
    ("Hvis maten er gammel, bør du ikke spise den.", "If the food is old, you shouldn't eat it."),
    ("Hvis det regner, blir vi hjemme.", "If it rains, we will stay at home."),  # a weak word licenses "will"
    # one "bør" over two coordinated clauses, though "vil ha" is rendered without a modal
    ("Dersom vi vil ha en varig løsning, bør vi finne årsaken og fjerne den.",
     "If we want a lasting solution, we should find the cause and we should remove it."),
    ("Det er best å vente.", "It's best to wait."),
]
BAD = [
    ("Han kan ha drept henne.", "He must have killed her.", "must"),
    ("Du bør gå nå.", "You will go now.", "will"),
    ("Vi må reise.", "We may leave.", "may"),
    ("Hun skal visstnok ha vært der.", "She must have been there.", "must have"),
    ("Vi kan gå, og vi kan bli.", "We can go, and we must stay.", "must"),  # one of two modals changed
    ("Han foreslo at vi skulle vente.", "He suggested that we will wait.", "will"),  # skulle is not will
    ("Han kunne ha drept henne.", "He must have killed her.", "must"),
    ("Du bør ringe henne.", "You want to call her.", "want to"),
    # the strong modal is lost, and a weak word (når, hvis, få) licenses the substitute no more
    ("Når vi må vente, blir vi sure.", "When we can wait, we get cross.", "can"),
    ("Hvis maten er gammel, bør du ikke spise den.", "If the food is old, you won't eat it.", "won't"),
    ("Hun må få hjelp.", "She can get help.", "can"),
    ("Han gjorde sitt beste, og det vil gjøre turen enklere.", "He did his best, and it must make the trip easier.", "must"),
]


@pytest.mark.parametrize("source,target", GOOD)
def test_modality_pass(source, target):
    assert passes(ModalityCheck(), source, target)


@pytest.mark.parametrize("source,target,span", BAD)
def test_modality_fail(source, target, span):
    found = findings(ModalityCheck(), source, target)
    assert found and any(target[f.span[0]:f.span[1]] == span for f in found)


def test_reported_speech_needs_a_hedge():
    found = findings(ModalityCheck(), "Han har visstnok reist.", "He has left.")
    assert found and found[0].side == "source"


def test_phrases_are_used_up_before_single_modals():
    counts = source_modals("Jeg skulle ønske jeg kunne synge.", modality_rules())
    assert counts["wish"] == 1 and counts["shall-past"] == 0 and counts["poss-past"] == 1


def test_need_not_renders_the_source_necessity_so_an_extra_must_is_a_substitution():
    source = "Du kan reise når du vil, men du trenger ikke å melde fra."
    assert passes(ModalityCheck(), source, "You can travel when you like, but you need not report it.")
    assert fails(ModalityCheck(), source, "You must travel when you like, but you need not report it.")
    # "slipper" (need not) is a necessity of its own
    assert passes(ModalityCheck(), "Hun kan bli, og hun slipper å betale.", "She can stay, and she needn't pay.")
