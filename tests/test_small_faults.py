"""Issue 10 item 16: small faults that were silent or stopped a run, each now handled."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.article import parse_article, read_article
from l10n.assemble import inline_html, inline_text, render_blocks
from l10n.errors import ArticleError, CatalogError
from l10n.catalog import read_catalog
from l10n.checks.text import MD_LINK_RE
from l10n.segment import split_sentences

OSLO = "https://no.wikipedia.org/wiki/Oslo_(by)"


def test_a_nul_byte_in_an_article_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"# Tittel\n\nEn setning.\nTo\x00tre.\n")
    with pytest.raises(ArticleError, match=r"a\.md:4: NUL byte \(\\0\) in the text, column 3"):
        read_article(path)


def test_a_nul_byte_in_a_catalogue_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b\x00"\n')
    with pytest.raises(CatalogError, match=r"a\.po:5: NUL byte"):
        read_catalog(path)
    path.write_bytes(b'msgid ""\nmsgstr ""\n\n#. a comment \x00\nmsgid "a"\nmsgstr "b"\n')  # in a comment too
    with pytest.raises(CatalogError, match=r"a\.po:4: NUL byte"):
        read_catalog(path)


def test_hidden_and_macos_metadata_files_are_skipped_with_a_note(invoke, mini_project: Path) -> None:
    (mini_project / "source_articles/._vaer.md").write_bytes(b"\x00\x05\x16\x07Mac OS X        \x00\x02")
    (mini_project / "source_articles/.utkast.md").write_text("# Utkast\n", encoding="utf-8")
    result = invoke(["run"], mini_project)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("note: source_articles/._vaer.md: skipped (macOS metadata file, not an article)") == 1
    assert "note: source_articles/.utkast.md: skipped (hidden file, not an article)" in result.stderr
    assert not (mini_project / "locales/templates/._vaer.pot").exists()


def test_an_empty_article_gets_a_note(invoke, mini_project: Path) -> None:
    (mini_project / "source_articles/tom.md").write_text("\n\n", encoding="utf-8")
    result = invoke(["extract"], mini_project)
    assert result.exit_code == 0
    assert "empty article (nothing to translate)" in result.stderr and "tom.md" in result.stderr


def test_image_with_parentheses_in_its_url_stays_an_image() -> None:
    article = parse_article(f"Tekst.\n\n![Oslo sentrum]({OSLO}.jpg \"Oslo\")\n\nMer tekst.\n", Path("a.md"))
    assert [b.kind for b in article.blocks] == ["paragraph", "image-alt", "image-title", "paragraph"]


def test_link_with_parentheses_in_its_url_is_one_link() -> None:
    text = f"Les om [Oslo]({OSLO}) her."
    assert inline_html(text) == f'Les om <a href="{OSLO}">Oslo</a> her.'
    assert inline_text(text) == f"Les om Oslo ({OSLO}) her."
    assert [m.group(2) for m in MD_LINK_RE.finditer(text)] == [OSLO]
    assert split_sentences(f"Se [kart]({OSLO}). Neste setning.") == [f"Se [kart]({OSLO}).", "Neste setning."]
    assert inline_html("[a](<https://example.org/x y>)") == '<a href="https://example.org/x y">a</a>'


def test_image_with_parentheses_builds_as_an_image(invoke, mini_project: Path) -> None:
    (mini_project / "source_articles/oslo.md").write_text(f"# Oslo\n\n![Byen]({OSLO}.jpg)\n", encoding="utf-8")
    assert invoke(["run", "--no-translate"], mini_project).exit_code == 0
    assert invoke(["build", "--format", "html", "oslo"], mini_project).exit_code == 0
    page = (mini_project / "build/en/oslo.html").read_text(encoding="utf-8")
    assert f'src="{OSLO}.jpg"' in page


def test_a_damaged_memory_says_how_to_recover_and_tm_rebuild_recovers(invoke, mini_project: Path) -> None:
    assert invoke(["run", "--no-translate"], mini_project).exit_code == 0
    po_path = mini_project / "locales/en/LC_MESSAGES/kort.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr = "A short note on the weather."
    po.save()
    memory = mini_project / ".l10n/memory.sqlite"
    memory.write_bytes(b"this is not a database" * 100)
    broken = invoke(["tm", "stats"], mini_project)
    assert broken.exit_code == 1
    lines = broken.output.strip().splitlines()
    assert len(lines) == 1 and "memory.sqlite" in lines[0] and "'l10n tm rebuild'" in lines[0]
    rebuilt = invoke(["tm", "rebuild"], mini_project)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "memory.sqlite: rebuilt from 2 catalogues, 1 units; the old file is kept as memory.sqlite.old-" in rebuilt.output
    kept = [p for p in memory.parent.iterdir() if p.name.startswith("memory.sqlite.old-")]
    assert kept and kept[0].read_bytes().startswith(b"this is not a database")
    found = invoke(["tm", "lookup", "Kort melding om været."], mini_project)
    assert found.exit_code == 0 and "A short note on the weather." in found.output


def test_a_damaged_mt_cache_says_how_to_recover(tmp_path: Path) -> None:
    from l10n.errors import EngineError
    from l10n.mtcache import MTCache

    path = tmp_path / "mt-cache.sqlite"
    path.write_bytes(b"garbage" * 200)
    with pytest.raises(EngineError, match=r"cannot open MT cache .*delete the file and run again"):
        MTCache(path)
