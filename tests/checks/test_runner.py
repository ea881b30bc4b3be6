"""The one check runner: qa and review see the same findings on the same entry."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.checks.base import CheckContext
from l10n.checks.markup import MaxLengthCheck
from l10n.checks.names import NamesCheck
from l10n.checks.runner import CheckRunner, check_entry
from l10n.qa import run_qa
from l10n.review import ReviewSession

LONG = "This translation is far longer than twenty characters."


def _catalog(tmp_path: Path, flags: list[str]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.append(polib.POEntry(msgid="Kort tittel", msgstr=LONG, flags=["fuzzy", *flags], comment="heading"))
    path = tmp_path / "a.po"
    po.save(str(path))
    return path


class _Shown:
    def __init__(self) -> None:
        self.findings: list[str] = []

    def show(self, view) -> None:
        self.findings = view.findings

    def decide(self, view):
        from l10n.review import QUIT, Decision

        return Decision(QUIT)

    def notify(self, message: str) -> None:
        pass


def _review_checks(path: Path) -> set[str]:
    ui = _Shown()
    ReviewSession([(path, "en")], "nb", "tester").run(ui)
    return {line.rsplit("[", 1)[1].rstrip("]") for line in ui.findings}


def _qa_checks(path: Path) -> set[str]:
    return {f.check for f in run_qa([path]).findings} - {"fuzzy", "untranslated"}


def test_max_length_is_reported_by_qa_and_review(tmp_path: Path) -> None:
    path = _catalog(tmp_path, ["max-length:20"])
    assert "max-length" in _qa_checks(path)
    assert _review_checks(path) == _qa_checks(path)


def test_ignore_all_checks_silences_qa_and_review(tmp_path: Path) -> None:
    path = _catalog(tmp_path, ["max-length:20", "ignore-all-checks"])
    assert run_qa([path]).findings == []
    assert _review_checks(path) == set()


def test_ignore_one_check_silences_only_it(tmp_path: Path) -> None:
    path = _catalog(tmp_path, ["max-length:20", "ignore-max-length"])
    assert "max-length" not in _qa_checks(path) | _review_checks(path)


def test_should_skip_decides_applicability() -> None:
    check = MaxLengthCheck()
    ctx = CheckContext("nb", "en")
    assert check.should_skip(set(), ctx)  # off by default
    assert not check.should_skip({"max-length:20"}, ctx)
    assert check.should_skip({"max-length:20", "ignore-max-length"}, ctx)
    assert check.should_skip({"max-length:20", "ignore-all-checks"}, ctx)
    assert not check.should_skip(set(), ctx, chosen=True)  # qa --check max-length
    names = NamesCheck()
    assert names.language_pair and names.should_skip(set(), CheckContext("de", "fr"))


def test_a_crashing_check_becomes_an_error_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise ValueError("bad data")

    monkeypatch.setattr(MaxLengthCheck, "check_single", boom)
    entry = polib.POEntry(msgid="Kort tittel", msgstr=LONG, flags=["max-length:20"])
    found = check_entry(entry, CheckContext("nb", "en"))
    crash = [f for f in found if f.check == "max-length"]
    assert len(crash) == 1 and crash[0].severity == "error" and "ValueError: bad data" in crash[0].message


def test_a_crash_in_prepare_is_reported_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n.checks.consistency import ConsistencyCheck

    def boom(*args: object) -> None:
        raise KeyError("x")

    monkeypatch.setattr(ConsistencyCheck, "prepare", boom)
    runner = CheckRunner(CheckContext("nb", "en"))
    entry = polib.POEntry(msgid="Hei.", msgstr="Hello.")
    runner.prepare([entry])
    assert any(f.check == "inconsistent" and f.severity == "error" for f, _ in runner.check_entry(entry))


# --- needs: a check the runner does not call must have had nothing to find ------------------

from itertools import groupby

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.checks.registry import CHECKS

_NEEDY = [cls for cls in CHECKS if cls.needs]
_TEXT = st.text(alphabet="ab .,%{}[]*_`\n\tæ", max_size=30)


def test_some_checks_declare_needs() -> None:
    assert {"newlines", "placeholders", "markdown"} <= {cls.check_id for cls in _NEEDY}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_NEEDY), _TEXT, _TEXT)
def test_a_check_finds_nothing_without_its_needs(cls, source: str, target: str) -> None:
    entry = polib.POEntry(msgid=source or "x", msgstr=target)
    check = cls()
    found = check.run(source, target, entry, CheckContext("nb", "en"))
    if not any(c in source or c in target for c in cls.needs):
        assert found == []


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT)
def test_the_one_form_path_finds_what_the_general_path_finds(source: str, target: str) -> None:
    entry = polib.POEntry(msgid=source or "x", msgstr=target or "y", flags=["python-format"])
    runner = CheckRunner(CheckContext("nb", "en"))
    runner.prepare([entry])
    fast = runner.check_entry(entry)
    pair = (entry.msgid, entry.msgstr)
    slow = runner.check_entry(entry, [pair, pair])  # two forms: the general loop, every check on each form in turn
    twice = [located for _, run in groupby(fast, key=lambda f: f[0].check) for located in list(run) * 2]
    assert slow == twice
