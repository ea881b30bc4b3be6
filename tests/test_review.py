"""ReviewSession driven by a scripted UI: decisions saved at once, TM updated, resumable."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from tm_project import make_project, po_path

from l10n.config import load_config
from l10n.errors import CatalogError
from l10n.glossary import parse_glossary_csv
from l10n.memory import open_memory
from l10n.review import (
    ACCEPT,
    BACK,
    EDIT,
    QUIT,
    SKIP,
    Decision,
    EntryView,
    ReviewSession,
    default_reviewer,
)

ROWS = [
    ("Kim Jong-un møter Putin.", "Kim Jong Un meets Putin.", False),
    ("Sjojgu ble invitert tirsdag.", "Shojo was invited on Tuesday.", True, "paragraph\nmt: google 2026-11-27"),
    ("Det ble rullet ut rød løper.", "The red carpet was rolled out.", True, "paragraph\nmt: google 2026-11-27"),
    ("Missilene falt i havet.", "", False),
]
GLOSSARY = "source,target,type,forbidden\nSjojgu,Shoigu,name,Shojo\n"


class ScriptedUI:
    """Plays a list of decisions; records what was shown."""

    def __init__(self, decisions: list[Decision]) -> None:
        self.decisions = list(decisions)
        self.shown: list[EntryView] = []
        self.messages: list[str] = []
        self.before_decide = None

    def show(self, view: EntryView) -> None:
        self.shown.append(view)

    def decide(self, view: EntryView) -> Decision:
        if self.before_decide:
            self.before_decide(view)
        return self.decisions.pop(0) if self.decisions else Decision(QUIT)

    def notify(self, message: str) -> None:
        self.messages.append(message)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"kim": ROWS}, glossary=GLOSSARY)


def session(root: Path, **kwargs: object) -> ReviewSession:
    config = load_config(root)
    glossary = parse_glossary_csv(GLOSSARY)
    return ReviewSession.from_project(config, "en", reviewer="Kari", tm=open_memory(config), glossary=glossary,
                                      today=lambda: "2026-11-27", **kwargs)


def entry(root: Path, msgid: str) -> polib.POEntry:
    return polib.pofile(str(po_path(root, "kim"))).find(msgid)


def test_view_shows_context_provenance_and_glossary(project: Path) -> None:
    ui = ScriptedUI([Decision(QUIT)])
    session(project).run(ui)
    view = ui.shown[0]
    assert (view.position, view.total, view.state) == (1, 3, "fuzzy")
    assert view.source == "Sjojgu ble invitert tirsdag."
    assert view.before == ["Kim Jong-un møter Putin."]
    assert view.after == ["Det ble rullet ut rød løper.", "Missilene falt i havet."]
    assert view.provenance == ["mt: google 2026-11-27"]
    assert view.terms == ["Sjojgu → Shoigu (name)"]
    assert any("'Shojo'" in f and "'Shoigu'" in f for f in view.findings)  # from QA, or our glossary check


def test_edit_then_accept_saves_and_feeds_tm(project: Path) -> None:
    s = session(project)
    ui = ScriptedUI([Decision(EDIT, "Shoigu was invited on Tuesday."), Decision(ACCEPT)])
    summary = s.run(ui)
    assert (summary.edited, summary.accepted, summary.remaining) == (1, 1, 1)
    edited = entry(project, "Sjojgu ble invitert tirsdag.")
    assert edited.msgstr == "Shoigu was invited on Tuesday." and not edited.fuzzy
    assert edited.tcomment == "reviewed-by: Kari 2026-11-27"
    assert "mt: google 2026-11-27" in edited.comment
    assert not entry(project, "Det ble rullet ut rød løper.").fuzzy
    header = polib.pofile(str(po_path(project, "kim"))).metadata
    assert header["Last-Translator"] == "Kari"
    matches = s.tm.lookup("Sjojgu ble invitert onsdag.", "nb", "en")
    assert matches[0].target == "Shoigu was invited on Tuesday." and matches[0].reviewer == "Kari"


def test_each_decision_is_on_disk_before_the_next_prompt(project: Path) -> None:
    s = session(project)
    ui = ScriptedUI([Decision(EDIT, "Shoigu was invited on Tuesday."), Decision(QUIT)])
    seen: list[bool] = []
    ui.before_decide = lambda view: seen.append(entry(project, "Sjojgu ble invitert tirsdag.").fuzzy)
    s.run(ui)
    assert seen == [True, False]
    assert len(s.tm) == 1  # the TM got it before quitting


def test_quit_and_resume(project: Path) -> None:
    first = session(project).run(ScriptedUI([Decision(ACCEPT), Decision(QUIT)]))
    assert first.quit and first.remaining == 2
    ui = ScriptedUI([Decision(SKIP), Decision(EDIT, "The missiles fell into the sea.")])
    second = session(project).run(ui)
    assert [v.source for v in ui.shown] == ["Det ble rullet ut rød løper.", "Missilene falt i havet."]
    assert (second.skipped, second.edited, second.remaining) == (1, 1, 1)


def test_back_returns_to_previous_entry(project: Path) -> None:
    ui = ScriptedUI([Decision(BACK), Decision(ACCEPT), Decision(BACK), Decision(EDIT, "Shoigu was invited."), Decision(QUIT)])
    session(project).run(ui)
    assert [v.source for v in ui.shown] == [
        "Sjojgu ble invitert tirsdag.", "Sjojgu ble invitert tirsdag.", "Det ble rullet ut rød løper.",
        "Sjojgu ble invitert tirsdag.", "Det ble rullet ut rød løper.",
    ]
    assert ui.messages == ["already at the first entry"]
    assert entry(project, "Sjojgu ble invitert tirsdag.").msgstr == "Shoigu was invited."


def test_accepting_empty_translation_is_refused(project: Path) -> None:
    ui = ScriptedUI([Decision(SKIP), Decision(SKIP), Decision(ACCEPT), Decision(EDIT, "  "), Decision(QUIT)])
    summary = session(project).run(ui)
    assert ui.messages[0].startswith("nothing to accept") and len(ui.messages) == 2
    assert summary.remaining == 3


def test_edit_with_a_forbidden_rendering_is_not_saved(project: Path) -> None:
    """A typed translation is checked before it becomes reviewed and reaches the TM."""
    s = session(project)
    ui = ScriptedUI([Decision(EDIT, "Defence minister Shojo was invited."), Decision(EDIT, "Shoigu was invited."), Decision(QUIT)])
    s.run(ui)
    assert ui.messages == ["not saved: glossary: 'Sjojgu' rendered as forbidden 'Shojo'; use 'Shoigu' "
                           "(edit again, or change the glossary)"]
    assert [v.source for v in ui.shown][:2] == ["Sjojgu ble invitert tirsdag."] * 2
    assert entry(project, "Sjojgu ble invitert tirsdag.").msgstr == "Shoigu was invited."
    assert [m.target for m in s.tm.lookup("Sjojgu ble invitert tirsdag.", "nb", "en")] == ["Shoigu was invited."]


def test_catalogue_edited_elsewhere_in_between(project: Path) -> None:
    def poedit(view: EntryView) -> None:
        if view.source.startswith("Sjojgu"):
            po = polib.pofile(str(po_path(project, "kim")))
            carpet = po.find("Det ble rullet ut rød løper.")
            carpet.msgstr = "A red carpet was rolled out."
            carpet.flags.remove("fuzzy")
            po.find("Sjojgu ble invitert tirsdag.").msgstr = "Shoigu was invited (Poedit)."
            po.save()

    ui = ScriptedUI([Decision(ACCEPT), Decision(QUIT)])
    ui.before_decide = poedit
    session(project).run(ui)
    assert entry(project, "Sjojgu ble invitert tirsdag.").msgstr == "Shoigu was invited (Poedit)."
    assert [v.source for v in ui.shown] == ["Sjojgu ble invitert tirsdag.", "Missilene falt i havet."]
    assert entry(project, "Det ble rullet ut rød løper.").msgstr == "A red carpet was rolled out."


def test_article_selection_and_errors(project: Path) -> None:
    config = load_config(project)
    assert len(ReviewSession.from_project(config, "en", "kim", reviewer="x").pending()) == 3
    assert len(ReviewSession.from_project(config, "en", str(po_path(project, "kim")), reviewer="x").pending()) == 3
    with pytest.raises(CatalogError, match="no catalogue for article 'nope'"):
        ReviewSession.from_project(config, "en", "nope", reviewer="x")


def test_reviewer_defaults(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(project)
    assert default_reviewer(config, "Ola") == "Ola"
    monkeypatch.setenv("L10N_REVIEWER", "Env Name")
    assert default_reviewer(config) == "Env Name"
    config.raw["review"] = {"reviewer": "Kari Nordmann <kari@example.org>"}
    assert default_reviewer(config) == "Kari Nordmann <kari@example.org>"


def test_a_crashing_check_is_shown_not_swallowed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in one check used to end the findings silently (``except Exception``); now it is an
    error line of its own and the other checks' findings are still there."""
    from l10n.checks.names import NamesCheck

    def boom(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(NamesCheck, "check_single", boom)
    ui = ScriptedUI([Decision(QUIT)])
    session(project).run(ui)
    findings = ui.shown[0].findings
    assert any(f.startswith("error: check crashed (RuntimeError: boom)") and f.endswith("[names]") for f in findings)
    assert any("[glossary-forbidden]" in f for f in findings)


def test_correction_reaches_second_article_exact_and_patched(project: Path) -> None:
    s = session(project)
    s.run(ScriptedUI([Decision(EDIT, "Shoigu was invited on Tuesday."), Decision(QUIT)]))
    exact = s.tm.pretranslate("Sjojgu ble invitert tirsdag.", "nb", "en")
    assert exact is not None and exact.exact and exact.target == "Shoigu was invited on Tuesday."
    variant = s.tm.pretranslate("Sjojgu ble invitert onsdag.", "nb", "en")
    assert variant is not None and not variant.exact
    assert variant.target == "Shoigu was invited on Wednesday."
    assert variant.comment.endswith("from kim.po (patched: tirsdag→onsdag)")


def test_order_risk_puts_the_riskiest_entry_first(project: Path) -> None:
    keys = [item.key[1] for item in session(project, order="risk").pending()]
    assert keys[0] == "Sjojgu ble invitert tirsdag."  # raw MT with a corrupted name
    assert keys[-1] == "Missilene falt i havet."  # untranslated: nothing to judge yet
    assert sorted(keys) == sorted(item.key[1] for item in session(project).pending())
