"""Translation-memory dates (issue 10, point 9): every date format we meet is read, none
silently becomes the import time, and the newer review wins by its real date."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, strategies as st

from l10n.memory import SUPERSEDED, TranslationMemory, Unit, catalog_units, normalize_date
from l10n.tmx import parse_tmx, format_tmx


@pytest.mark.parametrize("value, stored", [
    ("2024-01-12 10:30+0100", "2024-01-12T09:30:00Z"),  # PO header (PO-Revision-Date)
    ("2024-01-12 10:30+0000", "2024-01-12T10:30:00Z"),
    ("2024-01-12 01:30-0200", "2024-01-12T03:30:00Z"),
    ("20240112T093000Z", "2024-01-12T09:30:00Z"),  # TMX
    ("2024-01-12T09:30:00Z", "2024-01-12T09:30:00Z"),
    ("2024-01-12T09:30:00+01:00", "2024-01-12T08:30:00Z"),
    ("2024-01-12", "2024-01-12T00:00:00Z"),  # reviewed-by: NAME DATE
])
def test_known_formats_are_read(value: str, stored: str) -> None:
    assert normalize_date(value) == stored


@pytest.mark.parametrize("value", ["YEAR-MO-DA HO:MI+ZONE", "yesterday", "2024-13-45"])
def test_a_value_that_is_no_date_is_unknown_never_now(value: str) -> None:
    assert normalize_date(value) == ""


@given(st.datetimes(min_value=__import__("datetime").datetime(1990, 1, 1),
                    max_value=__import__("datetime").datetime(2090, 1, 1)))
def test_po_header_dates_round_trip(moment) -> None:
    text = moment.strftime("%Y-%m-%d %H:%M+0000")
    assert normalize_date(text) == moment.strftime("%Y-%m-%dT%H:%M:00Z")


def _catalogue(revision: str, tcomment: str = "") -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"PO-Revision-Date": revision, "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Kim kom.", msgstr="Kim came.", tcomment=tcomment))
    return po


def test_catalogue_units_carry_the_header_date_with_its_zone() -> None:
    unit = next(catalog_units(_catalogue("2024-03-01 12:00+0100"), "a.po", "nb", "en"))
    assert unit.date == "2024-03-01T11:00:00Z"
    unknown = next(catalog_units(_catalogue("YEAR-MO-DA HO:MI+ZONE"), "a.po", "nb", "en"))
    assert unknown.date == ""


def test_the_newer_review_wins_whatever_the_import_order() -> None:
    tm = TranslationMemory(":memory:")
    newer = Unit("Sjojgu kom.", "Shoigu came.", "nb", "en", reviewer="kari", date=normalize_date("2024-06-01 10:00+0200"))
    older = Unit("Sjojgu kom.", "Shojo arrived.", "nb", "en", reviewer="ola", date=normalize_date("2024-01-01 10:00+0100"))
    tm.add_units([newer])
    tm.add_units([older])  # imported later, reviewed earlier
    assert [m.target for m in tm.lookup("Sjojgu kom.", "nb", "en")] == ["Shoigu came."]
    states = {u.target: u.state for u in tm.units(all_states=True)}
    assert states == {"Shoigu came.": "reviewed", "Shojo arrived.": SUPERSEDED}
    tm.close()


def test_tmx_keeps_dates_and_leaves_unknown_ones_out() -> None:
    units = [Unit("A.", "A!", "nb", "en", date="2024-01-12T09:30:00Z"), Unit("B.", "B!", "nb", "en", date="")]
    text = format_tmx(units, "nb")
    assert 'changedate="20240112T093000Z"' in text and text.count("changedate") == 1
    back = {u.source: u.date for u in parse_tmx(text, "nb", "en")}
    assert back["A."] == "2024-01-12T09:30:00Z"
