"""TMX 1.4b and PO exchange: round trips, foreign files, Translate Toolkit interop, errors."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.errors import TMError
from l10n.memory import TranslationMemory, Unit
from l10n.tmx import export_file, export_tmx, import_file, import_tmx, read_tmx

DATA = Path(__file__).parent / "data" / "tm"

UNITS = [
    ("Kim Jong-un kom smilende til Russland tirsdag.", "Kim Jong Un arrived in Russia smiling on Tuesday.", "", "kim.po", "Kari <kari@example.org>"),
    ("– Jeg støtter deres «hellige kamp» & mer <her>.", "– I support your “holy struggle” & more <here>.", "", "kim.po", ""),
    ("Foto: AP", "Photo: AP", "caption", "kim.po", "ola"),
    ("Linje én\nlinje to", "Line one\nline two", "", "", "ola"),
]


@pytest.fixture
def tm() -> TranslationMemory:
    memory = TranslationMemory(":memory:")
    for source, target, context, origin, reviewer in UNITS:
        memory.add(source, target, "nb", "en", context=context, origin=origin, reviewer=reviewer, date="2026-11-20T10:11:12Z")
    memory.add("Hei.", "Hallo.", "nb", "de", origin="de.po")
    yield memory
    memory.close()


def test_export_import_gives_identical_units(tm: TranslationMemory, tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    assert export_tmx(tm, path, "nb") == 5
    fresh = TranslationMemory(":memory:")
    counts = import_tmx(fresh, path, "nb", "en")
    assert counts.added == 4
    assert list(fresh.units("nb", "en")) == list(tm.units("nb", "en"))


def test_export_header_is_tmx_14b(tm: TranslationMemory, tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    export_tmx(tm, path, "nb", "en")
    text = path.read_text(encoding="utf-8")
    assert '<tmx version="1.4">' in text and 'srclang="nb"' in text
    for attr in ('segtype="sentence"', 'o-tmf="l10n-sqlite"', 'adminlang="en"', 'datatype="plaintext"'):
        assert attr in text
    assert 'creationid="Kari &lt;kari@example.org&gt;"' in text
    assert 'changedate="20261120T101112Z"' in text
    assert "Hallo." not in text


def test_translate_toolkit_reads_our_tmx(tm: TranslationMemory, tmp_path: Path) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    path = tmp_path / "out.tmx"
    export_tmx(tm, path, "nb", "en")
    store = tmx.tmxfile.parsefile(str(path))
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs == [(s, t) for s, t, *_ in UNITS]


def test_we_read_translate_toolkit_tmx(tmp_path: Path) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    store = tmx.tmxfile(sourcelanguage="nb", targetlanguage="en")
    store.addtranslation("Kim kom tirsdag.", "nb", "Kim came on Tuesday.", "en")
    path = tmp_path / "tt.tmx"
    path.write_bytes(bytes(store))
    units = read_tmx(path, "nb", "en")
    assert [(u.source, u.target) for u in units] == [("Kim kom tirsdag.", "Kim came on Tuesday.")]


def test_omegat_file_with_regions_and_inline_codes() -> None:
    units = read_tmx(DATA / "omegat.tmx", "nb", "en")
    assert [(u.source, u.target) for u in units] == [
        ("Kim og Putin møttes sist i 2019.", "Kim and Putin last met in 2019."),
        ("Foto: AP", "Photo: AP"),
        ("Reuters", "Reuters"),
    ]
    assert units[1].reviewer == "ola" and units[1].date == "2023-09-15T08:00:00Z"
    assert units[0].origin == "omegat.tmx"


def test_import_skips_junk_and_other_languages() -> None:
    tm = TranslationMemory(":memory:")
    counts = import_file(tm, DATA / "omegat.tmx", "nb", "en")
    assert (counts.added, counts.skipped) == (2, 1)


def test_malformed_tmx_names_line() -> None:
    tm = TranslationMemory(":memory:")
    with pytest.raises(TMError, match=r"broken\.tmx:7: malformed TMX: mismatched tag"):
        import_file(tm, DATA / "broken.tmx", "nb", "en")
    with pytest.raises(TMError, match=r"no_lang\.tmx:7: <tuv> without xml:lang"):
        import_file(tm, DATA / "no_lang.tmx", "nb", "en")


def test_not_tmx(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text("<html><body/></html>")
    with pytest.raises(TMError, match=r"x\.tmx:1: not a TMX file"):
        read_tmx(path, "nb", "en")
    with pytest.raises(TMError, match="unknown exchange format"):
        import_file(TranslationMemory(":memory:"), tmp_path / "x.csv", "nb", "en")


def test_po_export_and_import(tm: TranslationMemory, tmp_path: Path) -> None:
    path = tmp_path / "memory.po"
    assert export_file(tm, path, "nb", "en") == 4
    po = polib.pofile(str(path))
    caption = po.find("Foto: AP", msgctxt="caption")
    assert caption is not None and caption.msgstr == "Photo: AP" and not caption.fuzzy
    fresh = TranslationMemory(":memory:")
    assert import_file(fresh, path, "nb", "en").added == 4
    assert {(u.source, u.target, u.context) for u in fresh.units()} == {(s, t, c) for s, t, c, *_ in UNITS}
    with pytest.raises(TMError, match="needs one target language"):
        export_file(tm, tmp_path / "all.po", "nb", None)


def test_po_export_reimported_keeps_origins_and_changes_nothing(tm: TranslationMemory, tmp_path: Path) -> None:
    """The PO export names each unit's origin (``#. tm: from kim.po``); importing it back must
    not rewrite every origin to the export's file name."""
    path = tmp_path / "tm.po"
    export_file(tm, path, "nb", "en")
    counts = import_file(tm, path, "nb", "en")
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 4)
    fresh = TranslationMemory(":memory:")
    import_file(fresh, path, "nb", "en")
    assert sorted(u.origin for u in fresh.units("nb", "en")) == ["", "kim.po", "kim.po", "kim.po"]


def test_unit_dates_are_normalised() -> None:
    tm = TranslationMemory(":memory:")
    tm.add("Kim kom.", "Kim came.", "nb", "en", date="2026-11-20")
    unit = next(iter(tm.units()))
    assert isinstance(unit, Unit) and unit.date == "2026-11-20T00:00:00Z"
