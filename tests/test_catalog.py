"""Reading catalogues: every syntax error is reported with file and line, never read leniently."""

from __future__ import annotations

from pathlib import Path

import pytest

import polib

from l10n.catalog import read_catalog, write_catalog
from l10n.errors import CatalogError

HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    "body,line",
    [
        ('msgid "Kort om været\nmsgstr ""\n', 5),
        ('msgid "a"\nmsgstr "Short\n', 6),
        ('msgid "a"\n"continued\nmsgstr ""\n', 6),
        ('#~ msgid "old\n#~ msgstr ""\n', 5),
        ('#, fuzzy\n#| msgid "prev\nmsgid "a"\nmsgstr ""\n', 6),
        ('msgid "a"\nmsgstr "ends in an escaped quote\\"\n', 6),  # two quotes, but the last is escaped
        ('msgid "a"\nmsgstr "b"c"\n', 6),  # three quotes
        ('msgid "a"\nmsgstr "b" \n"c\n', 7),  # a space after the first line's quote: the next is checked
    ],
)
def test_unterminated_string_is_an_error_with_its_line(tmp_path: Path, body: str, line: int) -> None:
    """polib would read ``msgid "abc`` as "ab"; a later write would silently change the entry."""
    path = tmp_path / "x.po"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"x\.po:{line}: PO syntax error: unterminated string"):
        read_catalog(path)


def test_escaped_quotes_and_obsolete_entries_still_read(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(HEAD + 'msgid "a \\"b\\" c\\\\"\nmsgstr "x"\n\n#~ msgid "old"\n#~ msgstr "gammel"\n', encoding="utf-8")
    assert [e.msgid for e in read_catalog(path)] == ['a "b" c\\', "old"]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e"])
def test_line_separators_inside_a_string_survive_write_and_read(tmp_path: Path, char: str) -> None:
    """polib writes these raw; str.splitlines() breaks at them, a file read does not."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    text = f"Hi{char}there, in a long enough translation{char}to wrap across lines."
    po.append(polib.POEntry(msgid="Hei.", msgstr=text))
    write_catalog(po, tmp_path / "x.po")
    assert read_catalog(tmp_path / "x.po").find("Hei.").msgstr == text


def test_shipped_language_names_are_babels_own() -> None:
    """The table of English language names says exactly what the installed Babel says, or is
    not used at all (another Babel version)."""
    import babel

    from l10n import catalog as cat
    from l10n.fsutil import package_data

    shipped = package_data(cat.NAMES_FILE)
    if shipped.startswith(f"# babel {babel.__version__}\n"):
        assert shipped == cat.language_names_table()  # regenerate with language_names_table() if this fails
        assert cat._shipped_names()["nb"] == "Norwegian Bokmål"
    else:
        assert cat._shipped_names() == {}
    for code in ("en", "nb", "nn", "pt-BR", "sr-Latn", "de-CH"):
        assert cat.language_name(code) == cat.babel_locale(code).get_display_name("en")


def test_a_new_catalogue_header_needs_no_babel_locale_data(tmp_path) -> None:
    """Writing a catalogue's header does not load Babel's locale data (5 MiB per process)."""
    import subprocess
    import sys

    code = ("import babel.localedata as d; from l10n.catalog import catalog_metadata\n"
            "meta = catalog_metadata({}, 'en'); print(meta['Language-Team'], meta['Plural-Forms'], sorted(d._cache))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import babel

    from l10n import catalog as cat
    from l10n.fsutil import package_data

    expected = "[]" if package_data(cat.NAMES_FILE).startswith(f"# babel {babel.__version__}\n") else "['en'"
    assert done.stdout.startswith("English nplurals=2; plural=(n != 1);") and expected in done.stdout
