"""``l10n glossary list|check|import``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tm_project import make_project

DATA = Path(__file__).parent / "data" / "glossary"
GLOSSARY = "source,target,type,forbidden\nSjojgu|Sjojgus,Shoigu,name,Shojo\nrød løper,red carpet,term,red runner\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"kim": [
        ("Sjojgu kom tirsdag.", "Shojo came on Tuesday.", True),
        ("Det ble rullet ut rød løper.", "A carpet was rolled out.", False),
        ("Sjojgus fly landet.", "Shoigu's plane landed.", False),
    ]}, glossary=GLOSSARY)


def test_check_lists_violations(invoke, project: Path) -> None:
    result = invoke(["glossary", "check", "--lang", "en"], project=project)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(": forbidden (fuzzy): 'Sjojgu' rendered as forbidden 'Shojo'; use 'Shoigu'")
    assert lines[1].endswith(": missing: 'rød løper' should be translated as 'red carpet'")
    assert "kim.po:" in lines[0]
    data = json.loads(invoke(["glossary", "check", "--json", "--reviewed-only"], project=project).output)
    assert [(d["kind"], d["source_term"]) for d in data] == [("missing", "rød løper")]


def test_check_clean_exits_zero(invoke, project: Path) -> None:
    (project / "glossary.csv").write_text("source,target,type\nSjojgu|Sjojgus,Shoigu,name\n")
    result = invoke(["glossary", "check", "kim", "--reviewed-only"], project=project)
    assert result.exit_code == 0


def test_list_and_override(invoke, project: Path) -> None:
    assert "Sjojgu | Sjojgus → Shoigu [name]  (not: Shojo)" in invoke(["glossary", "list"], project=project).output
    data = json.loads(invoke(["glossary", "list", "--json", "-g", str(DATA / "termbase.tbx")], project=project).output)
    assert [d["target"] for d in data] == ["Shoigu", "red carpet", "Reuters"]


def test_bad_glossary_is_error_with_line(invoke, project: Path) -> None:
    result = invoke(["glossary", "check", "-g", str(DATA / "bad_type.csv")], project=project)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {DATA / 'bad_type.csv'}:3: type must be one of")


def test_import_tbx(invoke, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported.csv"
    result = invoke(["glossary", "import", str(DATA / "termbase.tbx"), "-o", str(out)], project=project)
    assert result.exit_code == 0 and "3 terms imported" in result.output
    lines = out.read_text().splitlines()  # imported for the project's target: each row names its language
    assert lines[:2] == ["source,target,type,forbidden,note,lang", "Sjojgu|Sjojgus,Shoigu,name,Shojo,Russian defence minister,en"]
    merged = invoke(["glossary", "import", str(DATA / "termbase.tbx")], project=project)
    assert "1 terms imported" in merged.output and "3 in total" in merged.output
    broken = invoke(["glossary", "import", str(DATA / "broken.tbx")], project=project)
    assert broken.exit_code == 1 and "broken.tbx:7: malformed TBX" in broken.output


def test_export_tbx_and_csv(invoke, project: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "out.tbx"
    assert invoke(["glossary", "export", str(tbx)], project=project).output == f"{tbx}: 2 terms\n"
    from l10n.tbx import read_tbx

    assert [t.target for t in read_tbx(tbx).terms] == ["Shoigu", "red carpet"]
    csv_out = tmp_path / "out.csv"
    invoke(["glossary", "export", str(csv_out)], project=project)
    assert csv_out.read_text().splitlines()[1] == "Sjojgu|Sjojgus,Shoigu,name,Shojo,"
