"""The entry-metadata API: what one module writes, every other module reads back."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.article import parse_article
from l10n.checks.mechanics import EndPunctuationCheck
from l10n.entrymeta import (
    add_provenance,
    entry_kind,
    entry_status,
    is_machine_fuzzy,
    kind_from_comment,
    kind_label,
    mark_reviewed,
    provenance,
    provenance_value,
    reviewed_by,
    reviewed_comment,
    set_fuzzy,
    set_provenance,
)
from l10n.extract import article_segments, build_template

from checks.helpers import context


def _pot(text: str) -> polib.POFile:
    article = parse_article(text, Path("a.md"))
    return build_template(article, article_segments(article), "a.md", "t")


def test_extract_writes_a_kind_the_api_reads_back() -> None:
    pot = _pot("# Tittel\n\nEt avsnitt her.\n\n> Vi kommer tilbake\n\n- et punkt\n")
    kinds = {e.msgid: (e.comment, entry_kind(e)) for e in pot}
    assert kinds["Vi kommer tilbake"] == ("block quote", "quote")
    assert kinds["Tittel"] == ("heading", "heading")
    assert kinds["et punkt"] == ("list item", "list-item")


def test_block_quote_exemption_applies_to_an_extracted_quote() -> None:
    """The end-punctuation check exempts running text; extract wrote ``block quote`` while the
    check looked for ``quote``, so a quote was never exempt."""
    (quote,) = [e for e in _pot("> Vi kommer tilbake\n") if e.msgid == "Vi kommer tilbake"]
    check = EndPunctuationCheck()
    assert check.run(quote.msgid, "We will be back.", quote, context()) == []
    heading = polib.POEntry(msgid="Vi kommer tilbake", comment=kind_label("heading"))
    assert check.run(heading.msgid, "We will be back.", heading, context())


def test_kind_survives_provenance_and_ignores_foreign_comments() -> None:
    assert kind_from_comment("mt: deepl 2026-11-27\nblock quote") == "quote"
    assert kind_from_comment("table-cell") == "table-cell"
    assert kind_from_comment("Translators: this is a button label") == ""
    assert kind_from_comment(None) == ""


def test_provenance_replace_add_and_read() -> None:
    entry = polib.POEntry(msgid="a", msgstr="b", comment="paragraph\nmt: google 2026-01-01")
    set_provenance(entry, "tm: 100% from x.po", "")
    assert entry.comment == "paragraph\ntm: 100% from x.po"
    add_provenance(entry, ["tm: 100% from x.po", "protect: lost"])
    assert provenance(entry) == ["tm: 100% from x.po", "protect: lost"]
    assert provenance_value(entry, "tm:") == "100% from x.po"
    assert entry_kind(entry) == "paragraph"


def test_review_state_round_trip(tmp_path: Path) -> None:
    entry = polib.POEntry(msgid="a", msgstr="b", comment="paragraph\nmt: google 2026-01-01",
                          tcomment="note\nreviewed-by: Old 2020-01-01", previous_msgid="x")
    set_fuzzy(entry)
    set_fuzzy(entry)
    assert entry.flags == ["fuzzy"] and entry_status(entry) == "fuzzy" and is_machine_fuzzy(entry)
    mark_reviewed(entry, "Kari Nordmann", "2026-11-27")
    po = polib.POFile()
    po.append(entry)
    path = tmp_path / "x.po"
    po.save(str(path))
    back = polib.pofile(str(path))[0]
    assert back.tcomment == "note\nreviewed-by: Kari Nordmann 2026-11-27"
    assert reviewed_by(back) == ("Kari Nordmann", "2026-11-27")
    assert entry_status(back) == "translated" and not back.previous_msgid and not is_machine_fuzzy(back)
    assert reviewed_comment("", "New", "2026-11-27") == "reviewed-by: New 2026-11-27"


def test_rejection_is_a_decision_like_a_review() -> None:
    from l10n.entrymeta import decided_by, mark_rejected

    entry = polib.POEntry(msgid="a", msgstr="raw mt", comment="paragraph\nmt: google 2026-01-01", flags=["fuzzy"],
                          tcomment="note\nreviewed-by: Old 2020-01-01")
    mark_rejected(entry, "Kari", "2026-11-27")
    assert (entry.msgstr, entry.flags, entry.comment) == ("", [], "paragraph")
    assert entry.tcomment == "note\nrejected-by: Kari 2026-11-27" and decided_by(entry) == "Kari 2026-11-27"
    entry.msgstr = "Reviewed."
    mark_reviewed(entry, "Ola", "2026-11-28")
    assert entry.tcomment == "note\nreviewed-by: Ola 2026-11-28" and reviewed_by(entry) == ("Ola", "2026-11-28")
