"""``l10n review`` through CliRunner input: accept, edit, quit and resume; TM updated at once."""

from __future__ import annotations

from pathlib import Path

import click
import polib
import pytest
from tm_project import make_project, po_path

from l10n.config import load_config
from l10n.memory import open_memory

ROWS = [
    ("Kim Jong-un møter Putin.", "Kim Jong Un meets Putin.", False),
    ("Sjojgu ble invitert tirsdag.", "Shojo was invited on Tuesday.", True, "paragraph\nmt: google 2026-11-27"),
    ("Det ble rullet ut rød løper.", "The red carpet was rolled out.", True, "paragraph\ntm: 87% from a.po"),
    ("Missilene falt i havet.", "", False),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    glossary = "source,target,type,forbidden\nSjojgu,Shoigu,name,Shojo\n"
    return make_project(tmp_path / "p", {"kim": ROWS}, glossary=glossary)


def msgstr(root: Path, msgid: str) -> polib.POEntry:
    return polib.pofile(str(po_path(root, "kim"))).find(msgid)


def test_inline_edit_accept_quit_then_resume(invoke, project: Path) -> None:
    result = invoke(["review", "--lang", "en", "--reviewer", "Kari"], project=project,
                    input="i\nShoigu was invited on Tuesday.\nq\n")
    assert result.exit_code == 0, result.output
    assert "▶ Sjojgu ble invitert tirsdag." in result.output
    assert "from mt: google 2026-11-27" in result.output
    assert "term: Sjojgu → Shoigu (name)" in result.output
    assert any(line.startswith("   ! ") and "'Shojo'" in line for line in result.output.splitlines())
    assert "0 accepted, 1 edited, 0 skipped; 2 entries still need review" in result.output
    entry = msgstr(project, "Sjojgu ble invitert tirsdag.")
    assert entry.msgstr == "Shoigu was invited on Tuesday." and not entry.fuzzy
    assert entry.tcomment.startswith("reviewed-by: Kari ")
    config = load_config(project)
    with open_memory(config) as tm:
        assert tm.lookup("Sjojgu ble invitert tirsdag.", "nb", "en")[0].target == "Shoigu was invited on Tuesday."

    again = invoke(["review", "--reviewer", "Ola"], project=project, input="a\ns\nq\n")
    assert "▶ Sjojgu" not in again.output
    assert "from tm: 87% from a.po" in again.output
    assert "1 accepted, 0 edited, 1 skipped; 1 entries still need review" in again.output
    assert not msgstr(project, "Det ble rullet ut rød løper.").fuzzy


def test_tm_match_shown_for_second_article(invoke, project: Path) -> None:
    invoke(["review", "--reviewer", "Kari"], project=project, input="i\nShoigu was invited on Tuesday.\nq\n")
    from tm_project import write_po

    write_po(po_path(project, "second"), [("Sjojgu ble invitert onsdag.", "", False)])
    result = invoke(["review", "second"], project=project, input="q\n")
    assert "TM 90%: Shoigu was invited on Tuesday." in result.output and "Shoigu was invited on Tuesday." in result.output


def test_editor_edit(invoke, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "an-editor")
    monkeypatch.setattr(click, "edit", lambda text: "Shoigu was invited.\n# comment line\n")
    result = invoke(["review", "--reviewer", "Kari"], project=project, input="e\nq\n")
    assert result.exit_code == 0
    assert msgstr(project, "Sjojgu ble invitert tirsdag.").msgstr == "Shoigu was invited."


def test_editor_unchanged_asks_again(invoke, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "an-editor")
    monkeypatch.setattr(click, "edit", lambda text: None)
    result = invoke(["review", "--reviewer", "Kari"], project=project, input="e\nx\nb\nq\n")
    assert "unchanged" in result.output and "unknown key 'x'" in result.output
    assert "already at the first entry" in result.output
    assert msgstr(project, "Sjojgu ble invitert tirsdag.").fuzzy


def test_unknown_article_is_an_error(invoke, project: Path) -> None:
    result = invoke(["review", "nope"], project=project)
    assert result.exit_code == 1
    assert "Error:" in result.output and "no catalogue for article 'nope'" in result.output
