"""Glossary: CSV parsing and its errors, inflections, TBX import/export, violation checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tm_project import make_project, write_po

from l10n.catalog import read_catalog
from l10n.config import load_config
from l10n.errors import GlossaryError
from l10n.glossary import (
    Glossary,
    check_catalog,
    check_translation,
    format_glossary_csv,
    load_project_glossary,
    parse_glossary_csv,
    read_glossary,
)
from l10n.tbx import format_tbx, parse_tbx, read_tbx

DATA = Path(__file__).parent / "data" / "glossary"
REPO_GLOSSARY = Path(__file__).parent.parent / "glossary.csv"


def test_good_csv() -> None:
    glossary = read_glossary(DATA / "good.csv")
    assert len(glossary) == 5
    shoigu = glossary.terms[0]
    assert shoigu.sources == ("Sjojgu", "Sjojgus") and shoigu.forbidden == ("Shojo", "Shoygu")
    assert shoigu.line == 3
    assert glossary.terms[1].note == "idiom, not a runner"
    assert glossary.terms[2].target == "Reuters" and glossary.terms[2].type == "dnt"
    assert glossary.terms[3].target == "believes" and glossary.terms[3].alternatives == ("thinks",)
    assert glossary.terms[4].line == 8


@pytest.mark.parametrize("name,message", [
    ("bad_type.csv", r"bad_type\.csv:3: type must be one of name, term, dnt, not 'colour'"),
    ("bad_header.csv", r"bad_header\.csv:1: header must name the columns"),
    ("bad_fields.csv", r"bad_fields\.csv:3: 6 fields, the header has 5"),
    ("missing_target.csv", r"missing_target\.csv:3: term 'forsvarsminister' has no target"),
    ("nonexistent.csv", r"nonexistent\.csv: glossary file not found"),
])
def test_bad_files_name_file_and_line(name: str, message: str) -> None:
    with pytest.raises(GlossaryError, match=message):
        read_glossary(DATA / name)


def test_row_after_multiline_field_has_right_line() -> None:
    text = 'source,target,type\n"a",b,term\n"c\nd",e,term\nf,,colour\n'
    with pytest.raises(GlossaryError, match=r"x\.csv:5: type"):
        parse_glossary_csv(text, Path("x.csv"))


def test_approved_and_forbidden_clash() -> None:
    with pytest.raises(GlossaryError, match=r":2: 'Shoigu' is both approved and forbidden"):
        parse_glossary_csv("source,target,type,forbidden\nSjojgu,Shoigu,name,Shoigu|Shojo\n", Path("g.csv"))


def test_inflected_and_genitive_forms() -> None:
    glossary = read_glossary(DATA / "good.csv")
    found = glossary.find("Etter Sjojgus besøk i Nord-Koreas hovedstad")
    assert [(m.form, m.term.target_for(m.form)) for m in found] == [
        ("Sjojgus", "Shoigu's"), ("Nord-Koreas", "North Korea's"),
    ]


def test_csv_round_trip() -> None:
    glossary = read_glossary(DATA / "good.csv")
    again = parse_glossary_csv(format_glossary_csv(glossary))
    assert [replace(t, line=None) for t in again.terms] == [replace(t, line=None) for t in glossary.terms]


def test_tbx_import() -> None:
    glossary = read_tbx(DATA / "termbase.tbx", "nb", "en")
    assert len(glossary) == 3  # the German-only entry is skipped
    shoigu, carpet, reuters = glossary.terms
    assert shoigu.sources == ("Sjojgu", "Sjojgus") and shoigu.target == "Shoigu"
    assert shoigu.type == "name" and shoigu.forbidden == ("Shojo",) and shoigu.note == "Russian defence minister"
    assert carpet.type == "term" and carpet.forbidden == ("red runner",)
    assert reuters.type == "dnt"
    assert shoigu.line == 5


def test_tbx_v3_import() -> None:
    (term,) = read_tbx(DATA / "termbase-v3.tbx", "nb", "en").terms
    assert term.sources == ("Kozjemjako",) and term.target == "Kozhemyako" and term.type == "name"


def test_broken_tbx_names_line() -> None:
    with pytest.raises(GlossaryError, match=r"broken\.tbx:7: malformed TBX: mismatched tag"):
        read_tbx(DATA / "broken.tbx")
    with pytest.raises(GlossaryError, match=r"x\.tbx:1: not a TBX file"):
        parse_tbx("<html/>", "nb", "en", Path("x.tbx"))


def test_tbx_round_trip() -> None:
    glossary = read_glossary(DATA / "good.csv")
    again = parse_tbx(format_tbx(glossary, "nb", "en"), "nb", "en")
    assert {t.lang for t in again.terms} == {"en"}  # a TBX term carries its target langSet
    assert [replace(t, line=None, lang="") for t in again.terms] == [replace(t, line=None) for t in glossary.terms]


def test_check_translation_forbidden_and_missing() -> None:
    glossary = read_glossary(DATA / "good.csv")
    bad = check_translation(glossary, "Sjojgu gikk på rød løper.", "Shojo walked on the red runner.")
    assert [(v.kind, v.form, v.found) for v in bad] == [("forbidden", "Sjojgu", "Shojo"), ("forbidden", "rød løper", "red runner")]
    missing = check_translation(glossary, "Han mener at Reuters tar feil.", "He said Reuter was wrong.")
    assert [(v.kind, v.expected) for v in missing] == [("missing", "believes"), ("missing", "Reuters")]
    assert check_translation(glossary, "Han mener at Sjojgus fly", "He thinks Shoigu's plane") == []


def test_check_catalog_lists_lines(tmp_path: Path) -> None:
    path = write_po(tmp_path / "kim.po", [
        ("Sjojgu kom.", "Shojo came.", True),
        ("Reuters melder.", "Reuters reports.", False),
        ("Nord-Korea svarte.", "", False),
    ])
    glossary = read_glossary(DATA / "good.csv")
    violations = check_catalog(glossary, read_catalog(path))
    assert [(v.kind, v.msgid, v.fuzzy) for v in violations] == [("forbidden", "Sjojgu kom.", True)]
    assert violations[0].lineno is not None
    assert check_catalog(glossary, read_catalog(path), include_fuzzy=False) == []


def test_load_project_glossary(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {})
    config = load_config(root)
    with pytest.raises(GlossaryError, match=r"l10n\.toml: glossary\.path: glossary\.csv does not exist"):
        load_project_glossary(config)  # configured but missing: silently checking nothing was the bug
    del config.raw["glossary"]["path"]
    assert load_project_glossary(config) == Glossary([], root / "glossary.csv")  # not configured: optional
    config.raw["glossary"]["path"] = ""
    assert load_project_glossary(config) == Glossary([])
    config.raw["glossary"]["path"] = "glossary.csv"
    (root / "glossary.csv").write_text("source,target,type\nSjojgu,Shoigu,name\n", encoding="utf-8")
    assert len(load_project_glossary(config)) == 1
    assert len(load_project_glossary(config, DATA / "termbase.tbx")) == 3
    with pytest.raises(GlossaryError, match="not found"):
        load_project_glossary(config, tmp_path / "missing.csv")


def test_repository_glossary_is_valid_and_catches_seed_errors() -> None:
    glossary = read_glossary(REPO_GLOSSARY)
    cases = {
        ("Sjojgu ble med på en våpenutstilling.", "Shojo was taken to an arms exhibition."): "Shoigu",
        ("Det ble rullet ut rød løper.", "The red runner was rolled out."): "red carpet",
        ("Han mener at Russland har noe.", "He realizes that Russia has something."): "believes",
        ("Missilene skal ha falt i havet.", "The missiles must have fallen into the sea."): "reportedly",
    }
    for (source, target), expected in cases.items():
        (violation,) = check_translation(glossary, source, target)
        assert violation.kind == "forbidden" and violation.expected == expected


def test_unlisted_norwegian_genitive_of_a_name_is_found() -> None:
    glossary = parse_glossary_csv("source,target,type,forbidden,note\nKozjemjako,Kozhemyako,name,,\n")
    (match,) = glossary.find("Ifølge Kozjemjakos talsperson er alt klart.")
    assert match.form == "Kozjemjakos"
    assert match.term.target_for(match.form) == "Kozhemyako's"
