"""``l10n tm update|lookup|import|export|stats``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tm_project import make_project

DATA = Path(__file__).parent / "data" / "tm"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"kim": [
        ("Møtet er tirsdag 26. juli i Vladivostok.", "The meeting is on Tuesday 26 July in Vladivostok.", False),
        ("Putin ventet.", "Putin waited.", True, "mt: google 2026-11-27"),
        ("Reuters", "Reuters", False),
    ]})


def test_update_and_lookup(invoke, project: Path) -> None:
    result = invoke(["tm", "update"], project=project)
    assert result.output == "1 catalogues: 1 added, 0 updated, 0 unchanged, 1 skipped\n"
    result = invoke(["tm", "lookup", "Møtet er onsdag 27. juli i Vladivostok.", "--json"], project=project)
    (match,) = json.loads(result.output)
    assert match["target"] == "The meeting is on Tuesday 26 July in Vladivostok." and 75 <= match["score"] < 100
    assert match["origin"] == "kim.po"
    text = invoke(["tm", "lookup", "Møtet er tirsdag 26. juli i Vladivostok."], project=project).output
    assert text.startswith("100%  Møtet er tirsdag 26. juli i Vladivostok.")
    none = invoke(["tm", "lookup", "Noe helt annet.", "-t", "90"], project=project)
    assert none.output == "no match at 90% or more\n"


def test_import_export_stats(invoke, project: Path, tmp_path: Path) -> None:
    result = invoke(["tm", "import", str(DATA / "omegat.tmx"), "--lang", "en"], project=project)
    assert result.output.endswith("2 added, 0 updated, 0 unchanged, 1 skipped\n")
    out = tmp_path / "out.tmx"
    assert invoke(["tm", "export", str(out)], project=project).output == f"{out}: 2 units\n"
    po = tmp_path / "out.po"
    assert invoke(["tm", "export", str(po), "--lang", "en"], project=project).output == f"{po}: 2 units\n"
    stats = json.loads(invoke(["tm", "stats", "--json"], project=project).output)
    assert stats["units"] == 2 and stats["pairs"] == {"nb→en": {"reviewed": 2}}
    assert stats["origins"] == {"omegat.tmx": 2}
    assert "2 reviewed units" in invoke(["tm", "stats"], project=project).output


def test_errors(invoke, project: Path) -> None:
    result = invoke(["tm", "import", str(DATA / "broken.tmx")], project=project)
    assert result.exit_code == 1
    assert result.output == f"Error: {DATA / 'broken.tmx'}:7: malformed TMX: mismatched tag\n"
    result = invoke(["tm", "export", "x.csv"], project=project)
    assert result.exit_code == 1 and "unknown exchange format" in result.output


def test_help_has_examples(invoke) -> None:
    assert "l10n tm export memory.tmx" in invoke(["tm", "--help"]).output
