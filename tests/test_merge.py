from __future__ import annotations

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.merge import merge_catalog


def pot(*msgids: str) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Project-Id-Version": "t 1.0", "Content-Type": "text/plain; charset=UTF-8"}
    for m in msgids:
        po.append(polib.POEntry(msgid=m, comment="paragraph", occurrences=[("a.md", "1")]))
    return po


def catalog(**pairs: str) -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr in pairs.items():
        po.append(polib.POEntry(msgid=msgid.replace("_", " "), msgstr=msgstr))
    return po


def test_unchanged_sentence_keeps_translation_state_and_comments() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Hei.", msgstr="Hi.", tcomment="reviewed-by: Kari", comment="paragraph\nmt: dummy 2026-01-01",
                             flags=["ignore-length-ratio"]))
    new, stats = merge_catalog(pot("Hei."), old, "en")
    entry = new.find("Hei.")
    assert entry.msgstr == "Hi." and not entry.fuzzy
    assert entry.tcomment == "reviewed-by: Kari"
    assert entry.comment == "paragraph\nmt: dummy 2026-01-01"
    assert "ignore-length-ratio" in entry.flags
    assert stats.kept == 1 and stats.new == 0


def test_changed_sentence_gets_closest_old_translation_as_fuzzy_with_previous() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Møtet var tirsdag i Moskva.", msgstr="The meeting was on Tuesday in Moscow."))
    new, stats = merge_catalog(pot("Møtet var onsdag i Moskva."), old, "en")
    entry = new.find("Møtet var onsdag i Moskva.")
    assert entry.fuzzy
    assert entry.msgstr == "The meeting was on Tuesday in Moscow."
    assert entry.previous_msgid == "Møtet var tirsdag i Moskva."
    assert stats.fuzzy == 1
    assert not [e for e in new if e.obsolete]


def test_removed_translated_sentence_becomes_obsolete_untranslated_is_dropped() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Borte.", msgstr="Gone."))
    old.append(polib.POEntry(msgid="Aldri oversatt.", msgstr=""))
    new, stats = merge_catalog(pot("Helt annen setning om noe annet."), old, "en")
    obsolete = [e for e in new if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [("Borte.", "Gone.")]
    assert stats.obsolete == 1
    assert "#~ msgid \"Borte.\"" in str(new)


def test_obsolete_entry_comes_back_when_the_sentence_returns() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Tilbake.", msgstr="Back.", obsolete=1))
    new, _ = merge_catalog(pot("Tilbake."), old, "en")
    entry = new.find("Tilbake.")
    assert entry.msgstr == "Back." and not entry.obsolete and not entry.fuzzy


def test_sentence_that_gains_or_loses_msgctxt_keeps_its_reviewed_translation() -> None:
    """Adding a heading with the same words gives the paragraph msgctxt "text"; its reviewed
    translation stays final (the heading gets it as a fuzzy suggestion), and back again."""
    old = polib.POFile()
    old.append(polib.POEntry(msgid="Veien er stengt.", msgstr="The road is closed.", comment="paragraph",
                             tcomment="reviewed-by: Kari"))
    template = polib.POFile()
    template.append(polib.POEntry(msgid="Veien er stengt.", msgctxt="heading", comment="heading"))
    template.append(polib.POEntry(msgid="Veien er stengt.", msgctxt="text", comment="paragraph"))
    new, stats = merge_catalog(template, old, "en")
    text = new.find("Veien er stengt.", msgctxt="text")
    assert text.msgstr == "The road is closed." and not text.fuzzy and text.tcomment == "reviewed-by: Kari"
    heading = new.find("Veien er stengt.", msgctxt="heading")
    assert heading.fuzzy and heading.msgstr == "The road is closed."
    assert (stats.kept, stats.fuzzy, stats.obsolete) == (1, 1, 0)
    back, stats = merge_catalog(pot("Veien er stengt."), new, "en")
    entry = back.find("Veien er stengt.")
    assert entry.msgctxt is None and entry.msgstr == "The road is closed." and not entry.fuzzy
    assert [e.msgctxt for e in back if e.obsolete] == ["heading"]


def test_header_has_language_and_plural_forms() -> None:
    new, _ = merge_catalog(pot("A."), None, "de")
    assert new.metadata["Language"] == "de"
    assert new.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    new, _ = merge_catalog(pot("A."), None, "pl")
    assert new.metadata["Plural-Forms"].startswith("nplurals=3")


WORDS = st.sampled_from("Statsministeren sa at regjeringen vil bygge flere veier i nord og sør før valget neste år".split())
SENTENCE = st.lists(WORDS, min_size=2, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    sentences=st.lists(SENTENCE, min_size=1, max_size=8, unique=True),
    edits=st.lists(st.tuples(st.sampled_from(["drop", "change", "add", "keep"]), SENTENCE), max_size=8),
    data=st.data(),
)
def test_update_never_loses_a_reviewed_translation(sentences, edits, data) -> None:
    """After any edit of the source, every reviewed translation survives: as a translation,
    or fuzzy, or obsolete, with its text intact."""
    old, _ = merge_catalog(pot(*sentences), None, "en")
    reviewed = {}
    for i, entry in enumerate(old):
        if data.draw(st.booleans()):
            entry.msgstr = f"Translation {i} of {entry.msgid}"
            reviewed[entry.msgid] = entry.msgstr
    new_sentences = list(sentences)
    for action, sentence in edits:
        if action == "drop" and new_sentences:
            new_sentences.pop(0)
        elif action == "change" and new_sentences:
            new_sentences[-1] = new_sentences[-1][:-1] + " igjen."
        elif action == "add":
            new_sentences.append(sentence)
    new_sentences = list(dict.fromkeys(new_sentences))
    merged, _ = merge_catalog(pot(*new_sentences), old, "en")
    texts = {e.msgstr for e in merged}
    for msgid, msgstr in reviewed.items():
        assert msgstr in texts
        same = [e for e in merged if e.msgid == msgid and not e.obsolete]
        if same:
            assert same[0].msgstr == msgstr and not same[0].fuzzy
    reparsed = polib.pofile(str(merged))
    assert len(reparsed) == len(merged)


def test_new_catalogue_entries_are_what_the_constructor_makes() -> None:
    """The fast copy of a template entry has exactly the attributes of ``POEntry(...)``."""
    from l10n.merge import _fresh

    template = polib.POEntry(msgid="Hund", msgctxt="heading", msgid_plural="Hunder", comment="heading",
                             occurrences=[("a.md", "1")], flags=["no-wrap"], tcomment="ignored", msgstr="x")
    expected = polib.POEntry(msgid="Hund", msgctxt="heading", msgid_plural="Hunder", msgstr_plural={0: "", 1: "", 2: ""},
                             comment="heading", occurrences=[("a.md", "1")], flags=["no-wrap"])
    made = _fresh(template, 3)
    assert made.__dict__ == expected.__dict__
    made.occurrences.append(("b.md", "2"))
    made.flags.append("fuzzy")
    assert template.occurrences == [("a.md", "1")] and template.flags == ["no-wrap"]
    assert _fresh(polib.POEntry(msgid="Katt")).msgstr_plural == {}


def test_new_catalogue_counts_every_entry_as_new() -> None:
    po, stats = merge_catalog(pot("En.", "To."), None, "en")
    assert [e.msgid for e in po] == ["En.", "To."] and stats.new == 2 and stats.kept == stats.fuzzy == 0
    po, stats = merge_catalog(pot("En."), catalog(), "en")  # an empty catalogue on disk: the same
    assert len(po) == 1 and stats.new == 1 and not stats.obsolete
