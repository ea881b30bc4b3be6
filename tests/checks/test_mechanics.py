from __future__ import annotations

import re

import pytest

from l10n.checks.mechanics import (
    BracketsQuotesCheck,
    EndPunctuationCheck,
    LengthRatioCheck,
    LinksCheck,
    RepeatedWordCheck,
    WhitespaceCheck,
)

from .helpers import context, entry, fails, findings, passes

END_GOOD = [
    ("Vil Kina reagere?", "Will China react?"),
    ("Våpenmesse i Pyongyang", "Arms fair in Pyongyang"),
    ("– Jeg er glad, sa han.", "“I'm glad,” he said."),
    ("«Hvorfor?» spør hun.", "“Why?” she asks."),
    ("Han sa: «Vi kommer.»", "He said: “We are coming.”"),
    ("Det er alvorlig!", "This is serious."),
]
END_BAD = [
    ("Vil Kina reagere?", "China will react."),
    ("Våpenmesse i Pyongyang", "Arms fair in Pyongyang."),
    ("Kina vil reagere.", "Will China react?"),
    ("Kina vil reagere.", "China will react"),
]


@pytest.mark.parametrize("source,target", END_GOOD)
def test_end_punctuation_passes(source, target):
    assert passes(EndPunctuationCheck(), source, target)


@pytest.mark.parametrize("source,target", END_BAD)
def test_end_punctuation_fails(source, target):
    assert fails(EndPunctuationCheck(), source, target)


def test_brackets_and_quotes():
    check = BracketsQuotesCheck()
    assert passes(check, "– Jeg er glad, sa Putin.", "“I'm glad,” Putin said.")
    assert passes(check, "Han kalte det «en seier».", 'He called it "a victory".')
    assert passes(check, "Kim (39) kom.", "Kim (39) arrived.")
    assert fails(check, "Kim (39) kom.", "Kim (39 arrived.")
    assert fails(check, "Han kalte det «en seier».", "He called it “a victory.")
    assert fails(check, "Han sa «ja».", 'He said "yes.')
    assert passes(check, "«Vi kommer", "“We are coming")  # the source quote continues in the next segment


def test_urls_and_email():
    check = LinksCheck()
    src = "Les mer på [nettsiden](https://example.no/a?b=1) eller skriv til post@example.no."
    assert passes(check, src, "Read more on [the website](https://example.no/a?b=1) or write to post@example.no.")
    assert fails(check, src, "Read more on [the website](https://example.com/a?b=1) or write to post@example.no.")
    assert fails(check, src, "Read more on the website or write to post@example.no.")
    assert fails(check, "Skriv til post@example.no.", "Write to mail@example.no.")


def test_whitespace():
    check = WhitespaceCheck()
    assert passes(check, "Hei der.", "Hi there.")
    assert fails(check, "Hei der.", " Hi there.")
    assert fails(check, "Hei der.", "Hi there. ")
    assert fails(check, "Hei der.", "Hi  there.")


def test_repeated_word():
    check = RepeatedWordCheck()
    assert fails(check, "Toget kom.", "The the train arrived.")
    assert passes(check, "Hun hadde hatt det travelt.", "She had had a busy time.")
    assert passes(check, "Toget kom.", "The train arrived.")
    spans = [f.span for f in findings(check, "x", "We went to to Oslo.")]
    assert spans == [(8, 13)]


def test_length_ratio():
    check = LengthRatioCheck()
    src = "Russlands forsvarsminister møtte Nord-Koreas leder i Pyongyang i juli i fjor."
    assert passes(check, src, "Russia's defence minister met North Korea's leader in Pyongyang last July.")
    assert fails(check, src, "Russia's defence minister met.")
    assert fails(check, src, src + " " + src + " " + src)
    assert passes(check, "Foto: AP", "Photo by the Associated Press news agency")  # short sources are not judged


def test_split_dialogue_may_leave_one_quote_open():
    check = BracketsQuotesCheck()
    assert passes(check, "– Kommunen kan ikke gjøre det.", "“The municipality cannot do that.")
    assert passes(check, "Det er viktig, sier advokaten.", "That is important,” says the lawyer.")
    assert fails(check, "Det er viktig.", "That is “important.")


def test_whole_dialogue_line_must_pair_its_quotes():
    """Dash and attribution in one segment: the quotation opens and closes inside it."""
    check = BracketsQuotesCheck()
    assert fails(check, "– Vi gir oss ikke, sa hun.", '"We are not giving up, she said.')
    assert passes(check, "– Vi gir oss ikke, sa hun.", '"We are not giving up," she said.')
    assert passes(check, "– Vi vil, sier hun, men vi kan ikke.", '"We want to," she says, "but we cannot."')


def test_bare_domains_are_links_not_words():
    """News text cites sites without a scheme ("nrk.no"): changing one is a wrong link, and its
    name is not a Norwegian word left untranslated."""
    from l10n.checks.leftover import LeftoverSourceCheck

    assert fails(LinksCheck(), "Les mer på nrk.no.", "Read more at nrk.com.")
    assert passes(LinksCheck(), "Les mer på nrk.no.", "Read more at nrk.no.")
    assert passes(LinksCheck(), "Se f.eks. side 3.", "See e.g. page 3.")
    assert passes(LeftoverSourceCheck(), "Les mer på nrk.no.", "Read more at nrk.no.")


END_FAMILIES_GOOD = [
    ("Du blir med, ikke sant?", "You're coming along, aren't you?"),
    ("Du husket nøkkelen, ikke sant.", "You remembered the key, didn't you?"),  # a tag question, no "?" in the source
    ("Hvorfor gikk hun.", "Why did she leave?"),  # a question by its words
    ("Gir du meg saltet?", "Pass me the salt, please."),  # a polite question rendered as a request
    ("De kom hjem sent i går og spiste middag sammen med resten av familien sin",
     "They came home late yesterday and had dinner with the rest of their family."),  # a sentence missing its stop
]
END_FAMILIES_BAD = [
    ("Han stirrer på meg.", "Is he staring at me?"),
    ("Gir du meg saltet?", "You give me the salt."),
    ("Storbrann i Bergen", "Major fire in Bergen."),
]


@pytest.mark.parametrize("source,target", END_FAMILIES_GOOD)
def test_end_punctuation_tag_questions_requests_and_unpunctuated_sentences(source, target):
    assert passes(EndPunctuationCheck(), source, target)


@pytest.mark.parametrize("source,target", END_FAMILIES_BAD)
def test_end_punctuation_families_still_fail(source, target):
    assert fails(EndPunctuationCheck(), source, target)


def test_headline_style_drops_the_full_stop_of_a_heading():
    assert not EndPunctuationCheck().run("Kina svarer.", "China responds", entry(comment="heading"), context())
    assert findings(EndPunctuationCheck(), "Kina svarer.", "China responds")  # running text: info


def test_trailing_space_an_article_segment_lacks_is_cosmetic():
    check = WhitespaceCheck()
    found = check.run("Han kom. ", "He came.", entry(comment="paragraph"), context())
    assert [f.severity for f in found] == ["info"]  # reassembled with the source's spacing
    assert [f.severity for f in findings(check, "Navn: ", "Name:")] == ["warning"]  # a UI string
    assert [f.severity for f in check.run("Han kom.", "He came. ", entry(comment="paragraph"), context())] == ["warning"]


def test_a_noun_then_its_homograph_verb_is_no_stutter():
    check = RepeatedWordCheck()
    assert passes(check, "Han sier at farens vilje nok vil skje.", "He says his father's will will probably be done.")
    assert passes(check, "Hun mener at hennes vilje vil vinne fram.", "She believes her will will prevail.")
    # a stutter is still one, after an article too
    assert fails(check, "Han gikk inn i huset.", "He went into the the house.")
    assert fails(check, "Hun vil vinne.", "She will will win.")
    assert fails(check, "Det er huset til faren.", "It is the father's house house.")


# --- the fast paths of the mechanics checks find exactly what their regexes find -------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from l10n.checks import mechanics  # noqa: E402

_MECHANICS_TEXT = st.text(alphabet="aAbBtThHeEkKİıſΣσ  .@:/]()wW1_-’", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_MECHANICS_TEXT)
def test_possessive_repeat_regex_finds_what_the_greedy_one_finds(text: str) -> None:
    want = [(m.span(), m.span(1)) for m in re.compile(r"\b([^\W\d_]+)\s+\1\b", re.IGNORECASE).finditer(text)]
    assert [(m.span(), m.span(1)) for m in mechanics._REPEAT_RE.finditer(text)] == want


@settings(max_examples=400, deadline=None)
@given(_MECHANICS_TEXT)
def test_link_hint_prefilter_misses_no_match(text: str) -> None:
    assert mechanics._link_hint(text) == (mechanics._LINK_HINT_RE.search(text) is not None)
