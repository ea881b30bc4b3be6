"""CLI tests for init, extract, update, build, stats (CliRunner + tmp_path)."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

MSGFMT = shutil.which("msgfmt")


def prepare(invoke, project: Path) -> None:
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0


def test_init_creates_a_project(invoke, tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "ny"), "--source", "nb", "--target", "en", "--target", "de"])
    assert result.exit_code == 0, result.output
    toml = (tmp_path / "ny" / "l10n.toml").read_text()
    assert 'target_languages = ["en", "de"]' in toml
    assert (tmp_path / "ny" / "source_articles").is_dir()
    again = invoke(["init", str(tmp_path / "ny")])
    assert again.exit_code == 1 and "a project already exists here" in again.output


def test_init_rejects_unknown_language(invoke, tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "x"), "--target", "xx-nonsense"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: unknown language code 'xx-nonsense' (--target)"


def test_missing_config_is_a_clear_error(invoke, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["extract"])
    assert result.exit_code == 1
    assert "no l10n.toml found" in result.output


def test_invalid_config_names_file_and_line(invoke, tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text("[project]\nsource_language = nb\n")
    result = invoke(["extract"], tmp_path)
    assert result.exit_code == 1
    assert "l10n.toml:2: invalid TOML" in result.output


def test_config_with_unknown_target_language(invoke, tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text('[project]\ntarget_languages = ["zz"]\n')
    result = invoke(["extract"], tmp_path)
    assert result.exit_code == 1
    assert "unknown language code 'zz'" in result.output


def test_unknown_lang_option(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    result = invoke(["update", "--lang", "qq"], mini_project)
    assert result.exit_code == 1 and "unknown language code 'qq' (--lang)" in result.output


def test_extract_update_build_round_trip(invoke, mini_project: Path) -> None:
    result = invoke(["extract"], mini_project)
    assert result.exit_code == 0
    assert "vaer:" in result.output and "kort:" in result.output
    assert (mini_project / "locales/templates/vaer.pot").exists()
    assert invoke(["update", "--lang", "en"], mini_project).exit_code == 0
    po = polib.pofile(str(mini_project / "locales/en/LC_MESSAGES/vaer.po"))
    assert po.metadata["Language"] == "en"
    result = invoke(["build", "--lang", "en", "--fallback", "source"], mini_project)
    assert result.exit_code == 0, result.output
    for name in ("vaer.md", "kort.txt"):
        built = (mini_project / "build/en" / name).read_bytes()
        assert built == (mini_project / "source_articles" / name).read_bytes()


def test_extract_twice_leaves_templates_untouched(invoke, mini_project: Path) -> None:
    invoke(["extract"], mini_project)
    pot = mini_project / "locales/templates/vaer.pot"
    before = pot.read_bytes()
    result = invoke(["extract"], mini_project)
    assert "unchanged" in result.output
    assert pot.read_bytes() == before


def test_entries_carry_context_for_translators(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    po = polib.pofile(str(mini_project / "locales/en/LC_MESSAGES/vaer.po"))
    caption = po.find("Et tre har veltet over fylkesveien.")
    assert caption.comment == "photo caption"
    assert caption.occurrences == [("source_articles/vaer.md", "15")]
    repeated = po.find("Flere veier er stengt.")
    assert len(repeated.occurrences) == 3  # lead, ingress paragraph, last paragraph
    assert all(e.msgctxt is None for e in po)


def translate_all(po_path: Path, fuzzy: bool = False) -> None:
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = f"EN({entry.msgid})"
        if fuzzy:
            entry.flags.append("fuzzy")
    po.save()


def test_build_uses_reviewed_translations_and_skips_fuzzy(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    translate_all(mini_project / "locales/en/LC_MESSAGES/vaer.po")
    translate_all(mini_project / "locales/en/LC_MESSAGES/kort.po", fuzzy=True)
    result = invoke(["build", "--lang", "en"], mini_project)
    assert "en/kort: 0 translated, 3 fuzzy (unreviewed, left out; --include-fuzzy uses them), 0 missing" in result.output
    built = (mini_project / "build/en/vaer.md").read_text()
    assert "# EN(Uvær stenger veier på Vestlandet)" in built
    assert "EN(Ifølge [Meteorologisk institutt](https://www.met.no/) er det *ekstremvær*.)" in built
    assert "![EN(Et tre over veien)](https://example.org/tre.jpg)" in built
    assert "title: EN(Uvær stenger veier på Vestlandet)" in built
    assert "EN(Flere veier er stengt.) EN(Meteorologene ber folk holde seg hjemme.)" in built
    assert (mini_project / "build/en/kort.txt").read_text() == (mini_project / "source_articles/kort.txt").read_text()
    invoke(["build", "--lang", "en", "--include-fuzzy"], mini_project)
    assert "EN(Sola kommer tilbake.)" in (mini_project / "build/en/kort.txt").read_text()


def test_build_fallback_mark_and_none(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    invoke(["build", "--fallback", "mark"], mini_project)
    assert "[nb: Det blir roligere i morgen.] [nb: Sola kommer tilbake.]" in (mini_project / "build/en/kort.txt").read_text()
    invoke(["build", "--fallback", "none"], mini_project)
    assert (mini_project / "build/en/kort.txt").read_text().strip() == ""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.attrs.setdefault(tag, dict(attrs))


def test_build_html_is_a_standalone_escaped_page(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    po_path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    po = polib.pofile(str(po_path))
    po.find("Hold dere hjemme i kveld.").msgstr = "Stay home & safe if 5 < 6."
    po.find("Flere veier er stengt.").msgstr = "Roads <script>alert(1)</script> closed."  # never used
    po.save()
    result = invoke(["build", "--format", "html"], mini_project)
    assert result.exit_code == 0
    page = (mini_project / "build/en/vaer.html").read_text()
    assert "<script>" not in page and "&amp; safe if 5 &lt; 6." in page
    parser = _Collector()
    parser.feed(page)
    assert parser.attrs["html"]["lang"] == "en"
    for tag in ("title", "h1", "h2", "ul", "li", "blockquote", "figure", "img", "figcaption", "a", "em"):
        assert tag in parser.tags, tag
    assert parser.attrs["a"]["href"] == "https://www.met.no/"
    assert "<title>Uvær stenger veier på Vestlandet</title>" in page


def test_build_txt_strips_markdown(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    invoke(["build", "--format", "txt"], mini_project)
    text = (mini_project / "build/en/vaer.txt").read_text()
    assert "Meteorologisk institutt (https://www.met.no/)" in text
    assert "- Fylkesvei 57 er stengt." in text
    assert "#" not in text and "*" not in text


def test_build_without_catalogue_is_an_error(invoke, mini_project: Path) -> None:
    invoke(["extract"], mini_project)
    result = invoke(["build", "--lang", "en"], mini_project)
    assert result.exit_code == 1
    assert "no en catalogue for" in result.output and "l10n update --lang en" in result.output


def test_po_syntax_error_reported_with_file_and_line(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    po_path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    lines = po_path.read_text().splitlines()
    lines.insert(25, 'msgstr "dangling')
    po_path.write_text("\n".join(lines) + "\n")
    result = invoke(["build", "--lang", "en"], mini_project)
    assert result.exit_code == 1
    assert "vaer.po:26: " in result.output


def test_non_utf8_article_is_reported(invoke, mini_project: Path) -> None:
    (mini_project / "source_articles/latin.md").write_bytes("Blåbær.\n".encode("latin-1"))
    result = invoke(["extract"], mini_project)
    assert result.exit_code == 1
    assert "latin.md:1: not valid UTF-8" in result.output


def test_unknown_article_argument(invoke, mini_project: Path) -> None:
    result = invoke(["extract", "finnes-ikke"], mini_project)
    assert result.exit_code == 1 and "no article 'finnes-ikke'" in result.output


def test_bad_format_is_a_usage_error(invoke, mini_project: Path) -> None:
    result = invoke(["build", "--format", "docx"], mini_project)
    assert result.exit_code == 2


def test_editing_one_paragraph_disturbs_no_other_entry(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    po_path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    translate_all(po_path)
    before = {(e.msgctxt, e.msgid): (e.msgstr, e.fuzzy) for e in polib.pofile(str(po_path))}
    art = mini_project / "source_articles/vaer.md"
    art.write_text(art.read_text().replace("sa vakthavende.", "sa vakthavende meteorolog."))
    prepare(invoke, mini_project)
    after = polib.pofile(str(po_path))
    changed = after.find("– Vi har aldri sett så mye vind, sa vakthavende meteorolog.")
    assert changed.fuzzy and changed.previous_msgid == "– Vi har aldri sett så mye vind, sa vakthavende."
    for entry in after:
        if entry.obsolete or entry is changed:
            continue
        assert before[(entry.msgctxt, entry.msgid)] == (entry.msgstr, entry.fuzzy)


def test_stats_json_and_text(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    translate_all(mini_project / "locales/en/LC_MESSAGES/kort.po")
    result = invoke(["stats", "--json"], mini_project)
    data = json.loads(result.output)
    rows = {r["slug"]: r for r in data["articles"]}
    assert rows["kort"]["translated"] == 3 and rows["kort"]["untranslated"] == 0
    assert rows["kort"]["translated_words"] == 12
    assert data["totals"]["en"]["total"] == rows["kort"]["total"] + rows["vaer"]["total"]
    text = invoke(["stats"], mini_project).output
    assert "TOTAL" in text and "kort" in text


def test_stats_agree_with_pocount(invoke, mini_project: Path) -> None:
    pocount = pytest.importorskip("translate.tools.pocount")
    prepare(invoke, mini_project)
    po_path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    po = polib.pofile(str(po_path))
    for i, entry in enumerate(po):
        if i % 3 == 0:
            entry.msgstr = "x"
        elif i % 3 == 1:
            entry.msgstr, entry.flags = "y", ["fuzzy"]
    po.save()
    ours = {r["slug"]: r for r in json.loads(invoke(["stats", "--json"], mini_project).output)["articles"]}["vaer"]
    theirs = pocount.calcstats(str(po_path))
    assert (ours["translated"], ours["fuzzy"], ours["untranslated"]) == (theirs["translated"], theirs["fuzzy"], theirs["untranslated"])
    assert (ours["translated_words"], ours["fuzzy_words"], ours["untranslated_words"]) == (
        theirs["translatedsourcewords"], theirs["fuzzysourcewords"], theirs["untranslatedsourcewords"])


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (GNU gettext) is not installed")
def test_every_catalogue_passes_msgfmt_check(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    translate_all(mini_project / "locales/en/LC_MESSAGES/vaer.po", fuzzy=True)
    files = list((mini_project / "locales").rglob("*.po")) + list((mini_project / "locales").rglob("*.pot"))
    assert len(files) == 4
    for path in files:
        proc = subprocess.run([MSGFMT, "--check", "--check-format", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


def test_catalogues_read_cleanly_with_babel_and_translate_toolkit(invoke, mini_project: Path) -> None:
    from babel.messages.pofile import read_po

    pypo = pytest.importorskip("translate.storage.pypo")
    prepare(invoke, mini_project)
    path = mini_project / "locales/en/LC_MESSAGES/vaer.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    assert catalog.locale is not None and str(catalog.locale) == "en"
    store = pypo.pofile.parsefile(str(path))
    assert len([u for u in store.units if not u.isheader()]) == len(polib.pofile(str(path)))


def test_run_offline_builds_everything_and_fills_the_memory(invoke, mini_project: Path) -> None:
    result = invoke(["run"], mini_project)
    assert result.exit_code == 0, result.output
    assert "machine translation skipped: no engine configured" in result.output
    assert "en/vaer:" in result.output and "en/kort:" in result.output
    assert (mini_project / "build/en/vaer.md").read_bytes() == (mini_project / "source_articles/vaer.md").read_bytes()
    translate_all(mini_project / "locales/en/LC_MESSAGES/kort.po")
    result = invoke(["run"], mini_project)
    assert "translation memory: 3 new units" in result.output
    assert "en/kort: 3 reviewed, 0 to review, 0 untranslated" in result.output


def test_run_with_unreachable_engine_still_builds_and_fails(invoke, mini_project: Path) -> None:
    result = invoke(["run", "--engine", "libre", "--engine-url", "http://127.0.0.1:9/"], mini_project)
    assert result.exit_code == 1
    assert "cannot reach 127.0.0.1:9" in result.output
    assert (mini_project / "build/en/vaer.md").exists()
    po = polib.pofile(str(mini_project / "locales/en/LC_MESSAGES/vaer.po"))
    assert all(not e.msgstr for e in po)


def test_removed_article_drops_its_template_but_keeps_the_catalogue(invoke, mini_project: Path) -> None:
    prepare(invoke, mini_project)
    translate_all(mini_project / "locales/en/LC_MESSAGES/kort.po")
    (mini_project / "source_articles/kort.txt").unlink()
    result = invoke(["extract"], mini_project)
    assert "kort: article gone, template removed" in result.output
    assert not (mini_project / "locales/templates/kort.pot").exists()
    assert invoke(["update"], mini_project).exit_code == 0
    po = polib.pofile(str(mini_project / "locales/en/LC_MESSAGES/kort.po"))
    assert all(e.msgstr.startswith("EN(") for e in po)


def test_parallel_path_gives_the_same_results_and_errors(invoke, mini_project: Path, monkeypatch) -> None:
    from l10n import incremental

    monkeypatch.setattr(incremental, "PARALLEL_MIN", 1)
    monkeypatch.setenv("L10N_WORKERS", "2")
    prepare(invoke, mini_project)
    result = invoke(["build", "--fallback", "source"], mini_project)
    assert result.exit_code == 0
    assert (mini_project / "build/en/vaer.md").read_bytes() == (mini_project / "source_articles/vaer.md").read_bytes()
    (mini_project / "source_articles/latin.md").write_bytes("Blåbær.\n".encode("latin-1"))
    result = invoke(["extract"], mini_project)
    assert result.exit_code == 1 and "latin.md:1: not valid UTF-8" in result.output


def test_extract_and_update_json(invoke, mini_project: Path) -> None:
    extracted = json.loads(invoke(["extract", "--json"], mini_project).output)
    assert {r["slug"] for r in extracted} == {"vaer", "kort"} and all(r["changed"] for r in extracted)
    updated = json.loads(invoke(["update", "--json"], mini_project).output)
    assert {(r["slug"], r["lang"], r["created"]) for r in updated} == {("vaer", "en", True), ("kort", "en", True)}
    assert all(r["new"] == r["kept"] + r["new"] for r in updated)


def test_round_trip_keeps_a_byte_order_mark(invoke, mini_project: Path) -> None:
    article = mini_project / "source_articles/vaer.md"
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes())
    prepare(invoke, mini_project)
    assert invoke(["build", "--fallback", "source"], mini_project).exit_code == 0
    assert (mini_project / "build/en/vaer.md").read_bytes() == article.read_bytes()
