"""Golden files: extract, update and build of the mini fixture project, compared with
stored expected output (header dates blanked). Regenerate with L10N_REGOLD=1 after a
deliberate change, and review the diff."""

from __future__ import annotations

import os
import re
from pathlib import Path

import polib
import pytest

GOLDEN = Path(__file__).parent / "data" / "golden"
DATES = re.compile(r'"(POT-Creation-Date|PO-Revision-Date): [^"\\]*\\n"')
TRANSLATIONS = {
    "Uvær stenger veier på Vestlandet": "Storm closes roads in Western Norway",
    "Flere veier er stengt.": "Several roads are closed.",
    "Meteorologene ber folk holde seg hjemme.": "Meteorologists are asking people to stay at home.",
    "Vinden nådde 41,5 m/s på Lista i natt.": "The wind reached 41.5 m/s at Lista last night.",
    "Ifølge [Meteorologisk institutt](https://www.met.no/) er det *ekstremvær*.":
        "According to the [Norwegian Meteorological Institute](https://www.met.no/), this is *extreme weather*.",
    "Et tre over veien": "A tree across the road",
    "Fergene står": "Ferries are not running",
    "– Vi har aldri sett så mye vind, sa vakthavende.": "“We have never seen so much wind,” the duty officer said.",
}


def normalized(path: Path) -> str:
    return DATES.sub(r'"\1: DATE\\n"', path.read_text(encoding="utf-8"))


def check(actual: Path, name: str) -> None:
    golden = GOLDEN / name
    text = normalized(actual) if actual.suffix in (".po", ".pot") else actual.read_text(encoding="utf-8")
    if os.environ.get("L10N_REGOLD"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{actual.name} differs from {golden}"


@pytest.fixture
def built(invoke, mini_project: Path) -> Path:
    assert invoke(["extract"], mini_project).exit_code == 0
    assert invoke(["update"], mini_project).exit_code == 0
    po_path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        if entry.msgid in TRANSLATIONS:
            entry.msgstr = TRANSLATIONS[entry.msgid]
    po.save()
    return mini_project


def test_golden_template(built: Path) -> None:
    check(built / "locales/templates/vaer.pot", "vaer.pot")


def test_golden_catalogue(built: Path) -> None:
    check(built / "locales/en/LC_MESSAGES/vaer.po", "vaer.en.po")


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_golden_build(invoke, built: Path, fmt: str) -> None:
    assert invoke(["build", "--format", fmt, "--fallback", "mark"], built).exit_code == 0
    check(built / f"build/en/vaer.{fmt}", f"vaer.en.{fmt}")


def test_golden_update_after_edit(invoke, built: Path) -> None:
    article = built / "source_articles/vaer.md"
    article.write_text(article.read_text(encoding="utf-8").replace("i natt", "i går kveld"), encoding="utf-8")
    assert invoke(["extract"], built).exit_code == 0
    assert invoke(["update"], built).exit_code == 0
    check(built / "locales/en/LC_MESSAGES/vaer.po", "vaer.en.edited.po")
