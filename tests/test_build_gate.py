"""build: articles left half in the source language are named, ``--fail-on`` keeps failing
articles back, and HTML a translator added is never published."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.checks.base import CheckContext
from l10n.checks.injection import AddedMarkupCheck
from l10n.htmlguard import added_markup

KORT = {
    "Kort melding om været.": "A short note on the weather.",
    "Det blir roligere i morgen.": "It will be calmer tomorrow.",
    "Sola kommer tilbake.": "The sun is coming back.",
}
XSS = 'The sun is coming back.<img src=x onerror="alert(1)">'


def _prepare(invoke, root: Path, kort: dict[str, str]) -> Path:
    assert invoke(["extract"], root).exit_code == 0
    assert invoke(["update"], root).exit_code == 0
    path = root / "locales/en/LC_MESSAGES/kort.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = kort.get(entry.msgid, "")
    po.save()
    return path


def test_summary_names_articles_left_in_the_source_language(invoke, mini_project: Path) -> None:
    _prepare(invoke, mini_project, {k: v for k, v in KORT.items() if k != "Sola kommer tilbake."})
    result = invoke(["build", "--lang", "en"], mini_project)
    assert result.exit_code == 0
    assert "en/kort: 2 translated, 0 fuzzy, 1 missing, 1 sentence(s) left in nb" in result.output
    note = result.output.strip().splitlines()[-1]
    assert note.startswith("2 article(s) have sentences left in nb: ") and "en/kort (1)" in note and "en/vaer (" in note


def test_fail_on_untranslated_writes_only_complete_articles(invoke, mini_project: Path) -> None:
    _prepare(invoke, mini_project, KORT)
    result = invoke(["build", "--lang", "en", "--fail-on", "untranslated"], mini_project)
    assert result.exit_code == 1
    assert "en/vaer: not built (--fail-on untranslated): " in result.output and "would not be in en" in result.output
    assert not (mini_project / "build/en/vaer.md").exists()
    assert (mini_project / "build/en/kort.txt").read_text().startswith("A short note on the weather.")


def test_fail_on_error_refuses_added_markup_and_names_the_line(invoke, mini_project: Path) -> None:
    _prepare(invoke, mini_project, {**KORT, "Sola kommer tilbake.": XSS})
    result = invoke(["build", "--lang", "en", "--fail-on", "error", "kort"], mini_project)
    assert result.exit_code == 1
    assert "en/kort: not built (--fail-on error): line " in result.output and "[added-markup]" in result.output
    assert not (mini_project / "build/en/kort.txt").exists()
    as_json = invoke(["build", "--lang", "en", "--fail-on", "error", "--json", "kort"], mini_project)
    rows = json.loads(as_json.stdout)
    assert rows[0]["built"] is False and any("[added-markup]" in r for r in rows[0]["reasons"])


def test_fail_on_passes_a_clean_article(invoke, mini_project: Path) -> None:
    _prepare(invoke, mini_project, KORT)
    result = invoke(["build", "--lang", "en", "--fail-on", "warning", "kort"], mini_project)
    assert result.exit_code == 0, result.output
    assert (mini_project / "build/en/kort.txt").exists()


@pytest.mark.parametrize("fmt,name", [("md", "kort.txt"), ("html", "kort.html"), ("txt", "kort.txt")])
def test_added_markup_is_never_published(invoke, mini_project: Path, fmt: str, name: str) -> None:
    _prepare(invoke, mini_project, {**KORT, "Sola kommer tilbake.": XSS})
    result = invoke(["build", "--lang", "en", "--format", fmt, "kort"], mini_project)
    assert result.exit_code == 0
    assert "1 translation(s) not used: they add HTML" in result.output
    built = (mini_project / "build/en" / name).read_text()
    assert "onerror" not in built and "Sola kommer tilbake." in built


def test_added_markup_rule() -> None:
    assert [t for *_, t in added_markup("Se bildet.", 'See it.<img src=x onerror=alert(1)>')] == ["<img src=x onerror=alert(1)>"]
    assert added_markup("Trykk <b>her</b>.", "Press <B>here</b>.") == []  # carried over
    assert [t for *_, t in added_markup("Les mer.", "[Read more](javascript:alert(1))")] == ["javascript:"]
    assert [t for *_, t in added_markup("x", "<!-- a --> <script>b</script>")] == ["<!-- a -->", "<script>", "</script>"]
    assert added_markup("Data: 5 < 6.", "Data: 5 < 6, see <https://example.org> or <a@b.no>.") == []
    (finding,) = AddedMarkupCheck().run("Se.", "See.<b>", None, CheckContext())
    assert finding.severity == "error" and finding.span == (4, 7)
