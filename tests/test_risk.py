"""The risk score: evidence combined, every reason shown, in the JSON and HTML reports."""

from __future__ import annotations

import json
from pathlib import Path

import polib

from l10n.checks.base import Finding
from l10n.qa import run_qa
from l10n.report import render_html, render_json
from l10n.risk import entry_risk, weights


def _entry(comment: str = "paragraph", fuzzy: bool = False) -> polib.POEntry:
    return polib.POEntry(msgid="a", msgstr="b", comment=comment, flags=["fuzzy"] if fuzzy else [])


def test_findings_and_provenance_combine_and_explain_themselves() -> None:
    units = Finding("units", "error", "'50 miles' does not match '50 km'")
    risk = entry_risk([units], _entry("paragraph\nmt: deepl 2026-11-27", fuzzy=True))
    assert [why.split(":")[0] for why, _ in risk.reasons] == ["units", "raw machine translation (deepl 2026-11-27)"]
    p_units, p_mt = weights()["units"], weights()["raw-mt"]
    assert abs(risk.score - 100 * (1 - (1 - p_units) * (1 - p_mt))) < 1e-6
    assert "units" in risk.explain() and risk.as_dict()["reasons"][0]["weight"] == round(p_units, 3)


def test_no_evidence_no_risk_and_info_does_not_count() -> None:
    assert entry_risk([], _entry()).score == 0
    assert entry_risk([Finding("end-punctuation", "info", "full stop lost")], _entry()).score == 0


def test_fuzzy_tm_match_and_masking_fallback_raise_the_risk() -> None:
    low = entry_risk([], _entry("paragraph\ntm: 95% from a.po", fuzzy=True)).score
    high = entry_risk([], _entry("paragraph\ntm: 75% from a.po", fuzzy=True)).score
    assert 0 < low < high
    fallback = _entry("paragraph\nmt: deepl\nprotect: engine lost placeholders; sent unprotected, check glossary terms", True)
    assert any("masking fallback" in why for why, _ in entry_risk([], fallback).reasons)


def test_reports_carry_and_sort_by_risk(tmp_path: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    po.append(polib.POEntry(msgid="Han kom i går.", msgstr="He came yesterday.", occurrences=[("a.md", "1")]))
    po.append(polib.POEntry(msgid="Han løp 50 km.", msgstr="He ran 50 miles.", occurrences=[("a.md", "2")]))
    path = tmp_path / "a.po"
    po.save(str(path))
    result = run_qa([path], source_lang="nb")
    data = json.loads(render_json(result))
    assert [e["msgid"] for e in data["entries"]] == ["Han løp 50 km."]
    assert data["entries"][0]["risk"] > 0 and data["entries"][0]["reasons"][0]["reason"].startswith("units")
    html = render_html(result)
    assert html.index("Riskiest entries") < html.index("He ran ") < html.index("He came yesterday")
