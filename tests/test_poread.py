"""The fast PO reader builds exactly what polib's parser builds: every attribute of every entry."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, settings, strategies as st

from l10n.catalog import _po_text
from l10n.poread import parse_lines

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(p for pattern in ("**/*.po", "**/*.pot") for p in ROOT.glob(pattern)
                    if ".git" not in p.parts and "node_modules" not in p.parts)
FILE_ATTRS = ("header", "metadata", "metadata_is_fuzzy", "encoding", "wrapwidth", "fpath", "check_for_duplicates")


def polib_parse(lines: list[str]) -> polib.POFile:
    parser = polib._POFileParser("", encoding="utf-8", check_for_duplicates=False, klass=None)
    parser.fhandle = lines
    return parser.parse()


def outcome(parse, lines: list[str]):
    """What a parser makes of ``lines``: (file attributes, entries' attributes with their types) or its error."""
    try:
        po = parse(list(lines))
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return ("error", type(exc).__name__, str(exc))
    entries = [(type(e).__name__, [(k, v, type(v).__name__) for k, v in vars(e).items()]) for e in po]
    return ([getattr(po, name) for name in FILE_ATTRS], entries)


def test_the_repository_has_catalogues_to_compare() -> None:
    assert len(CATALOGUES) > 20


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_repository_catalogue_reads_as_polib_reads_it(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    lines = _po_text(text[1:] if text.startswith("\ufeff") else text).split("\n")
    assert outcome(parse_lines, lines) == outcome(polib_parse, lines)


_STRING = st.text(alphabet='ab "\\ntæ\u2028', max_size=8).map(lambda s: '"' + s + '"')
_LINE = st.one_of(
    st.builds(lambda k, s: f"{k} {s}", st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural",
                                                         "msgstr[0]", "msgstr[1]", "msgstr[x]", "#~ msgid",
                                                         "#~ msgstr", "#| msgid", "#| msgctxt", "#| msgid_plural",
                                                         "#~| msgid", "#| bogus", "msgid\t", "#~"]), _STRING),
    _STRING, _STRING.map(lambda s: "#| " + s), _STRING.map(lambda s: "#~ " + s),
    st.sampled_from(["", "   ", "#", "# note", "#  two spaces", "## double", "#. extracted", "#.", "#:",
                     "#: a.md:1 b.md:x :3 c.md", "#, fuzzy", "#, fuzzy, python-format", "#,", "#~|", "#|",
                     "bogus", '#| "', "\ufeffmsgid \"\"", "msgstr[", 'msgid "', "#~ #, fuzzy"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=14))
def test_any_line_sequence_reads_or_fails_as_polib_does(lines: list[str]) -> None:
    assert outcome(parse_lines, lines) == outcome(polib_parse, lines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "# c", "#. x", "#: a.md:3", "#, fuzzy", '#| msgid "old"']),
                          st.text(alphabet='ab\\"\n\t ø', max_size=12), st.text(alphabet='ab\\"\nø', max_size=12)),
                max_size=6))
def test_catalogues_polib_writes_read_back_as_polib_reads_them(items) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i, (comment, msgid, msgstr) in enumerate(items):
        po.append(polib.POEntry(msgid=f"{i}{msgid}", msgstr=msgstr, tcomment=comment))
    lines = str(po).split("\n")
    assert outcome(parse_lines, lines) == outcome(polib_parse, lines)
