from __future__ import annotations

from pathlib import Path

import pytest

from l10n.config import load_config
from l10n.errors import CatalogError, QAError
from l10n.qa import run_qa

QA = Path(__file__).parent / "data" / "qa"


def test_good_catalogue_has_no_content_findings():
    result = run_qa([QA / "good.po"])
    assert [f.check for f in result.findings] == ["fuzzy"]
    assert result.summary()["by_state"] == {"translated": 19, "fuzzy": 1, "untranslated": 0}


def test_every_planted_error_is_caught():
    result = run_qa([QA / "broken.po"])
    by_line: dict[int, set[str]] = {}
    for f in result.findings:
        by_line.setdefault(f.line, set()).add(f.check)
    for entry in result.entries:
        expected = entry.kind.removeprefix("expect: ")
        assert expected in by_line.get(entry.line, set()), (entry.msgid, by_line.get(entry.line))


def test_project_mode_uses_glossary_and_flags():
    config = load_config(QA / "project")
    result = run_qa(None, config=config, lang="en")
    checks = {(f.article, f.check) for f in result.findings}
    assert ("nyheter", "glossary-forbidden") in checks
    assert ("nyheter", "near-miss") not in checks  # "Shojo" is reported once, as forbidden
    assert not any(f.check == "numbers" and f.article == "nyheter" for f in result.findings)  # ignore-numbers
    assert set(result.by_article()) == {"havn", "moete", "nyheter"}


def test_ignore_all_checks(tmp_path):
    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n#, ignore-all-checks\nmsgid "Det er 3."\nmsgstr "It is 4"\n', encoding="utf-8")
    assert run_qa([po]).findings == []


def test_check_selection():
    result = run_qa([QA / "broken.po"], checks=["numbers"])
    assert {f.check for f in result.findings} == {"numbers"}
    result = run_qa([QA / "broken.po"], skip=["numbers", "fuzzy"])
    assert "numbers" not in {f.check for f in result.findings}
    with pytest.raises(QAError):
        run_qa([QA / "broken.po"], checks=["no-such-check"])


def test_fail_levels():
    result = run_qa([QA / "good.po"])
    assert not result.fails("error") and result.fails("warning") and not result.fails("never")


def test_broken_catalogue_reports_line():
    with pytest.raises(CatalogError) as info:
        run_qa([QA / "syntax_error.po"])
    assert "syntax_error.po" in str(info.value)


def test_directory_and_language_header(tmp_path):
    result = run_qa([QA / "project" / "locales"])
    assert len(result.files) == 2


def test_default_disabled_check_enabled_by_entry_flag(tmp_path):
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, max-length:12\nmsgid "Kort tittel"\nmsgstr "A much too long headline"\n\n'
        'msgid "Kort tittel 2"\nmsgstr "A much too long headline 2"\n', encoding="utf-8")
    result = run_qa([po])
    assert [(f.check, f.line) for f in result.findings if f.check == "max-length"] == [("max-length", 5)]
    assert not [f for f in run_qa([po], skip=["max-length"]).findings if f.check == "max-length"]


def test_parallel_run_finds_exactly_what_a_serial_run_finds(monkeypatch):
    import l10n.qa as qa

    serial = run_qa([QA / "broken.po", QA / "good.po"], source_lang="nb")
    monkeypatch.setattr(qa, "PARALLEL_MIN", 1)
    monkeypatch.setattr(qa.os, "cpu_count", lambda: 2)
    parallel = run_qa([QA / "broken.po", QA / "good.po"], source_lang="nb")
    assert serial.findings and [f.as_dict() for f in parallel.findings] == [f.as_dict() for f in serial.findings]


def test_workers_follow_l10n_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n.qa import _workers

    monkeypatch.setenv("L10N_WORKERS", "1")
    assert _workers() == 1
    monkeypatch.setenv("L10N_WORKERS", "3")
    assert _workers() == 3
    monkeypatch.delenv("L10N_WORKERS")
    assert _workers() >= 1
