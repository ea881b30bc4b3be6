"""Regression tests for odd but real input: file names with spaces, line breaks typed
into a msgstr, catalogues saved in a legacy charset."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.catalog import read_catalog


def _project(invoke, tmp_path: Path) -> Path:
    project = tmp_path / "p"
    assert invoke(["init", str(project), "--source", "nb", "--target", "en"]).exit_code == 0
    return project


def test_article_name_with_space_is_stable_and_named_in_qa(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "med mellomrom.md").write_text("# Tittel\n\nEn setning.\n", encoding="utf-8")
    assert invoke(["extract"], project).exit_code == 0
    pot = project / "locales" / "templates" / "med mellomrom.pot"
    before = pot.read_bytes()
    second = invoke(["extract"], project)
    assert "med mellomrom: 2 entries, 3 words (unchanged)" in second.output
    assert pot.read_bytes() == before
    assert invoke(["update"], project).exit_code == 0
    assert invoke(["translate", "--engine", "dummy"], project).exit_code == 0
    report = invoke(["qa", "--format", "json"], project)
    assert '"article": "med mellomrom"' in report.output
    assert '"article": "med"' not in report.output


def test_line_break_typed_into_msgstr_keeps_the_block_on_one_line(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "a.md").write_bytes(b"# Overskrift\r\n\r\nEn setning.\r\n")
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "a.po"
    po = polib.pofile(str(po_path))
    po.find("Overskrift").msgstr = "Head\nline"
    po.find("En setning.").msgstr = "One \n sentence."
    po.save(str(po_path))
    assert invoke(["build"], project).exit_code == 0
    assert (project / "build" / "en" / "a.md").read_bytes() == b"# Head line\r\n\r\nOne sentence.\r\n"


def test_catalogue_in_declared_latin1_reads_and_is_rewritten_as_utf8(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "a.md").write_text("# Blåbær\n\nÆrlig talt.\n", encoding="utf-8")
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "a.po"
    text = po_path.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-1")
    text = text.replace('msgid "Blåbær"\nmsgstr ""', 'msgid "Blåbær"\nmsgstr "Blåbær (blueberry)"')
    po_path.write_bytes(text.encode("latin-1"))
    assert read_catalog(po_path).find("Blåbær").msgstr == "Blåbær (blueberry)"
    assert invoke(["build"], project).exit_code == 0
    assert "# Blåbær (blueberry)" in (project / "build" / "en" / "a.md").read_text(encoding="utf-8")
    update = invoke(["update"], project)
    assert update.exit_code == 0, update.output
    rewritten = po_path.read_text(encoding="utf-8")
    assert "charset=UTF-8" in rewritten and 'msgstr "Blåbær (blueberry)"' in rewritten


def test_catalogue_not_in_its_declared_charset_is_still_a_located_error(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "a.md").write_text("# Tittel\n", encoding="utf-8")
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "a.po"
    po_path.write_bytes(po_path.read_bytes() + b'\nmsgid "\xff"\nmsgstr ""\n')
    result = invoke(["qa"], project)
    assert result.exit_code != 0
    assert f"{po_path}:" in result.output and "not valid UTF-8" in result.output


def test_unwritable_output_is_a_one_line_error_naming_the_file(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "a.md").write_text("# Tittel\n", encoding="utf-8")
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0
    (project / "build").write_text("not a folder\n", encoding="utf-8")  # as root, chmod -w would not stop us
    result = invoke(["build"], project)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {project / 'build' / 'en' / 'a.md'}: cannot write: ")
    assert len(result.output.strip().splitlines()) == 1


def test_html_link_text_may_hold_brackets() -> None:
    from l10n.assemble import inline_html, inline_text

    text = "See [the report [PDF]](https://example.org/r.pdf) here."
    assert inline_html(text) == 'See <a href="https://example.org/r.pdf">the report [PDF]</a> here.'
    assert inline_text(text) == "See the report [PDF] (https://example.org/r.pdf) here."


def test_symlinked_article_keeps_its_project_relative_reference(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("# Tittel\n\nEn setning.\n", encoding="utf-8")
    (project / "source_articles" / "lenket.md").symlink_to(elsewhere)
    assert invoke(["extract"], project).exit_code == 0
    pot = (project / "locales" / "templates" / "lenket.pot").read_text(encoding="utf-8")
    assert "#: source_articles/lenket.md:1" in pot
    assert str(tmp_path) not in pot


def test_init_in_a_folder_whose_name_has_a_backslash_or_quote(invoke, tmp_path: Path) -> None:
    from l10n.config import load_config

    for name in ('nyheter\\2024', 'de "beste"'):
        result = invoke(["init", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert load_config(tmp_path / name).name == name


def test_multiline_html_comment_and_script_are_not_prose(tmp_path: Path) -> None:
    from l10n.article import read_article

    path = tmp_path / "sak.md"
    path.write_text("# Sak\n\n<!--\nNotat til desk: ikke publiser.\n\nFør kl. 12.\n-->\n\nTekst.\n\n"
                    "<script>\nvar x = \"Hei.\";\n</script>\n", encoding="utf-8")
    assert [b.text for b in read_article(path).blocks] == ["Sak", "Tekst."]


def test_unclosed_html_comment_is_a_located_error(tmp_path: Path) -> None:
    from l10n.article import read_article
    from l10n.errors import ArticleError

    path = tmp_path / "sak.md"
    path.write_text("# Sak\n\n<!-- glemt slutt\n\nTekst.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"sak\.md:3: HTML block opened with <!-- is never closed"):
        read_article(path)


def test_tmx_in_utf16_with_bom_imports(tmp_path: Path) -> None:
    from l10n.tmx import read_tmx

    tmx = ('<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><header srclang="nb" segtype="sentence"'
           ' datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
           '<tu><tuv xml:lang="nb"><seg>Hei på deg.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>'
           '</body></tmx>\n')
    path = tmp_path / "trados.tmx"
    path.write_bytes(tmx.encode("utf-16"))
    units = read_tmx(path, "nb", "en")
    assert [(u.source, u.target) for u in units] == [("Hei på deg.", "Hello.")]


def test_config_saved_with_bom_and_crlf_loads(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    toml = project / "l10n.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes().replace(b"\n", b"\r\n"))
    result = invoke(["stats"], project)
    assert result.exit_code == 0, result.output


def test_project_qa_takes_the_language_from_the_folder_not_a_stale_header(invoke, tmp_path: Path) -> None:
    project = _project(invoke, tmp_path)
    (project / "source_articles" / "a.md").write_text("Det kostet 2,5 millioner kroner.\n", encoding="utf-8")
    assert invoke(["extract"], project).exit_code == 0
    assert invoke(["update"], project).exit_code == 0
    po_path = project / "locales" / "en" / "LC_MESSAGES" / "a.po"
    po = polib.pofile(str(po_path))
    po.metadata["Language"] = "nb"  # e.g. left so by an editor
    po[0].msgstr = "It cost 2,5 million kroner."
    po.save(str(po_path))
    result = invoke(["qa"], project)
    assert "[number-format] '2,5' is not a en number format" in result.output


def test_article_named_in_nfc_finds_a_file_named_in_nfd(invoke, tmp_path: Path) -> None:
    import unicodedata

    project = _project(invoke, tmp_path)
    (project / "source_articles" / unicodedata.normalize("NFD", "blåbær.md")).write_text("# Blåbær\n", encoding="utf-8")
    result = invoke(["extract", unicodedata.normalize("NFC", "blåbær")], project)
    assert result.exit_code == 0, result.output


def test_glossary_terms_match_across_no_break_spaces() -> None:
    from l10n.glossary import check_translation, parse_glossary_csv

    glossary = parse_glossary_csv("source,target,type,forbidden,note\nrød løper,red carpet,term,red runner,\n")
    source = "Han gikk på rød\u00a0løper."
    assert [m.form for m in glossary.find(source)] == ["rød\u00a0løper"]
    assert [v.kind for v in check_translation(glossary, source, "He walked the red runner.")] == ["forbidden"]
    assert check_translation(glossary, source, "He walked the red\u00a0carpet.") == []
