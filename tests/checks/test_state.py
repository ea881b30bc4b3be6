from __future__ import annotations

from l10n.checks.state import FuzzyCheck, UnchangedCheck, UnknownIgnoreFlagCheck, UntranslatedCheck

from .helpers import context, entry, fails, passes


def test_untranslated():
    assert fails(UntranslatedCheck(), "Besøket avsluttes fredag.", "")
    assert passes(UntranslatedCheck(), "Besøket avsluttes fredag.", "The visit ends on Friday.")


def test_fuzzy_names_the_engine():
    check = FuzzyCheck()
    found = check.run("Hei.", "Hi.", entry(("fuzzy",), "paragraph\nmt: dummy 2026-11-27"), context())
    assert found and "dummy" in found[0].message
    assert passes(check, "Hei.", "Hi.")


def test_unchanged():
    check = UnchangedCheck()
    assert fails(check, "Det er ikke første gang.", "Det er ikke første gang.")
    assert passes(check, "Kim Jong-un", "Kim Jong-un")
    assert passes(check, "Foto: NTB", "Foto: NTB")
    assert passes(check, "Det er ikke første gang.", "It is not the first time.")


def test_unknown_ignore_flag():
    check = UnknownIgnoreFlagCheck()
    assert fails(check, "a", "b", flags=("ignore-numbrs",))
    assert passes(check, "a", "b", flags=("ignore-numbers", "ignore-all-checks", "fuzzy"))
