from __future__ import annotations

from l10n.checks.markup import MarkdownCheck, MaxLengthCheck, NewlineCheck, PlaceholderCheck
from l10n.checks.mechanics import DialogueDashCheck, QuoteStyleCheck

from .helpers import fails, passes


def test_placeholders():
    check = PlaceholderCheck()
    assert passes(check, "Could not open %s: %d", "Kunne ikke åpne %s: %d")
    assert passes(check, "Invalid key name: %.*s", "Ugyldig nøkkelnavn: %.*s")
    assert passes(check, "Hello {name}", "Hei {name}")
    assert fails(check, "Could not open %s: %d", "Kunne ikke åpne %s")
    assert fails(check, "Hello {name}", "Hei {navn}")
    assert passes(check, "Oppslutningen er 29 % i dag.", "Support is 29 per cent today.")


def test_markdown():
    check = MarkdownCheck()
    assert passes(check, "Les [saken](https://a.no/x) og **dette**.", "Read [the story](https://a.no/x) and **this**.")
    assert fails(check, "Les [saken](https://a.no/x).", "Read the story (https://a.no/x).")
    assert fails(check, "Det var **viktig**.", "It was **important.")
    assert passes(check, "Invalid key name: %.*s", "Ugyldig navn: %.*s")


def test_newlines():
    assert passes(NewlineCheck(), "a\nb", "c\nd")
    assert fails(NewlineCheck(), "a\nb", "c d")


def test_max_length_flag():
    check = MaxLengthCheck()
    assert check.default_disabled
    assert fails(check, "Kort tittel", "A rather long headline", flags=("max-length:10",))
    assert passes(check, "Kort tittel", "Short title", flags=("max-length:20",))
    assert passes(check, "Kort tittel", "A rather long headline")


def test_quote_style_and_dialogue_dash():
    assert fails(QuoteStyleCheck(), "Han sa «ja».", "He said «yes».")
    assert passes(QuoteStyleCheck(), "Han sa «ja».", "He said “yes”.")
    assert DialogueDashCheck.default_disabled
    assert fails(DialogueDashCheck(), "– Jeg er glad, sa hun.", "– I'm glad, she said.")
    assert passes(DialogueDashCheck(), "– Jeg er glad, sa hun.", "“I'm glad,” she said.")
