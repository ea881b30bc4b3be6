from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.checks.registry import CHECK_IDS
from l10n.cli import cli

QA = Path(__file__).parent / "data" / "qa"


def run(args: list[str]):
    return CliRunner().invoke(cli, ["qa", *args])


def test_list_checks():
    result = run(["--list-checks"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == list(CHECK_IDS)


@pytest.mark.parametrize(
    "path,fail_on,code",
    [("good.po", "error", 0), ("good.po", "warning", 1), ("broken.po", "error", 1), ("broken.po", "never", 0)],
)
def test_fail_on_exit_codes(path, fail_on, code):
    assert run([str(QA / path), "--fail-on", fail_on]).exit_code == code


def test_unknown_check_is_usage_error():
    result = run([str(QA / "good.po"), "--check", "no-such-check"])
    assert result.exit_code == 2
    assert "unknown check 'no-such-check'" in result.output


def test_bad_catalogue_is_error_exit_1():
    result = run([str(QA / "syntax_error.po")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "syntax_error.po:7" in result.output


def test_json_output_schema():
    result = run([str(QA / "broken.po"), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["summary"]["by_severity"]["error"] == sum(f["severity"] == "error" for f in data["findings"])


def test_output_file_written(tmp_path):
    out = tmp_path / "report.html"
    result = run([str(QA / "good.po"), "--format", "html", "--output", str(out), "--skip", "fuzzy"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_project_mode(tmp_path):
    result = run(["--project", str(QA / "project"), "--lang", "en", "--glossary", str(QA / "project" / "glossary.csv")])
    assert result.exit_code == 1
    assert "== nyheter ==" in result.output and "glossary-forbidden" in result.output
    assert "\033[" not in result.output  # no colour when not a terminal


def test_color_on_request():
    result = run([str(QA / "broken.po"), "--color"])
    assert "\033[" in result.output


def test_source_lang_for_bare_files():
    """en-nb.po is English -> Norwegian: with --source-lang en its weekday and month agree."""
    args = [str(QA / "en-nb.po"), "--format", "json"]
    right = run([*args, "--source-lang", "en"])
    assert right.exit_code == 0
    assert json.loads(right.output)["findings"] == []
    wrong = run(args)  # read as Norwegian -> Norwegian (the default nb), "mandag"/"mars" look unsourced
    assert wrong.exit_code == 1
    assert {f["check"] for f in json.loads(wrong.output)["findings"]} == {"dates"}


JSON_SCHEMA = {
    "type": "object",
    "required": ["version", "summary", "findings"],
    "properties": {
        "version": {"const": 1},
        "summary": {
            "type": "object",
            "required": ["files", "entries", "findings", "checks", "by_severity", "by_check", "by_state", "by_article"],
            "properties": {
                "by_severity": {
                    "type": "object",
                    "required": ["error", "warning", "info"],
                    "additionalProperties": {"type": "integer"},
                },
            },
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "line", "msgctxt", "msgid", "msgstr", "check", "severity", "message"],
                "properties": {
                    "path": {"type": "string"},
                    "line": {"type": "integer"},
                    "msgctxt": {"type": ["string", "null"]},
                    "msgid": {"type": "string"},
                    "msgstr": {"type": "string"},
                    "check": {"enum": list(CHECK_IDS)},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string"},
                    "span": {"type": ["array", "null"], "items": {"type": "integer"}},
                    "side": {"enum": ["source", "target"]},
                },
            },
        },
    },
}


def test_qa_path_inside_a_project_uses_its_glossary(tmp_path, monkeypatch):
    """``l10n qa locales/`` (the README's own example) ignored the project glossary: a forbidden
    rendering passed with exit 0."""
    from tm_project import make_project

    root = make_project(tmp_path / "p", {"a": [("Sjojgu kom.", "Shojo came.", False)]},
                        glossary="source,target,type,forbidden\nSjojgu,Shoigu,name,Shojo\n")
    monkeypatch.chdir(root)
    inside = run(["locales/", "--check", "glossary-forbidden"])
    assert inside.exit_code == 1 and "forbidden rendering 'Shojo'" in inside.output
    monkeypatch.chdir(tmp_path)  # the path, not the working folder, says which project
    outside = run([str(root / "locales" / "en" / "LC_MESSAGES" / "a.po"), "--check", "glossary-forbidden"])
    assert outside.exit_code == 1 and "forbidden rendering 'Shojo'" in outside.output
    (root / "l10n.toml").rename(root / "moved.toml")  # no project: nothing to take a glossary from
    assert run([str(root / "locales"), "--check", "glossary-forbidden"]).exit_code == 0
