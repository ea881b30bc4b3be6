"""The fast PO writer writes exactly what polib writes."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings, strategies as st

from l10n.catalog import WRAP_WIDTH
from l10n.poformat import render_entries, render_po

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(p for folder in (ROOT / "tests", ROOT / "locales") for p in folder.rglob("*.po*")
                    if p.suffix in (".po", ".pot"))


def _readable(path: Path) -> polib.POFile | None:
    try:
        return polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError, UnicodeDecodeError):
        return None  # the broken fixtures


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_same_text_as_polib_on_every_catalogue_in_the_repository(path: Path) -> None:
    po = _readable(path)
    if po is None:
        pytest.skip("a deliberately broken fixture")
    for width in (WRAP_WIDTH, 78, 40, 0):
        po.wrapwidth = width
        assert render_po(po) == po.__unicode__()


TEXT = st.lists(st.sampled_from(list('ab æø "\\\t\n\r\x0b\x0c\x1c\u2028-–') + ["ord", "lengre-ord"]),
                max_size=60).map("".join)


@given(msgid=TEXT, msgstr=TEXT, ctx=st.none() | TEXT, comment=TEXT, tcomment=TEXT, previous=st.none() | TEXT,
       flags=st.lists(st.sampled_from(["fuzzy", "no-wrap", "python-format"]), max_size=2, unique=True),
       obsolete=st.booleans(), plural=st.booleans(), refs=st.lists(st.sampled_from(["a.md", "b-c.md", "x y.md"]),
                                                                  max_size=12))
def test_same_text_as_polib_on_generated_entries(msgid, msgstr, ctx, comment, tcomment, previous, flags, obsolete,
                                                 plural, refs) -> None:
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = "Generated.\n:colon header"
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    entry = polib.POEntry(msgid=msgid or "x", msgstr=msgstr, msgctxt=ctx, comment=comment, tcomment=tcomment,
                          flags=flags, previous_msgid=previous, occurrences=[(r, str(i)) for i, r in enumerate(refs)])
    if plural:
        entry.msgid_plural, entry.msgstr_plural = msgid + "s", {0: msgstr, 1: msgstr + "s"}
    entry.obsolete = obsolete
    po.append(entry)
    po.append(polib.POEntry(msgid="kort", msgstr="short"))
    assert render_po(po) == po.__unicode__()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed")
def test_msgfmt_accepts_what_it_writes(tmp_path: Path) -> None:
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en",
                   "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="Vinden nådde 41,5 m/s på Lista i natt, og fergene står. " * 3, msgstr="Wind.",
                            comment="paragraph", occurrences=[("source_articles/vær-og-vind.md", "3")] * 9))
    po.append(polib.POEntry(msgid='Han sa «nei» og "ja"\tog gikk.', msgstr="He said no.", flags=["fuzzy"]))
    path = tmp_path / "a.po"
    path.write_text(render_po(po), encoding="utf-8")
    done = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "a.mo"), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert polib.pofile(str(path), wrapwidth=WRAP_WIDTH).__unicode__() == render_po(po)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("ab -–—,.!?'\"\\\t\n\u00a0") + ["--", "word", "øy-", "long" * 9]),
                max_size=60).map("".join), st.integers(min_value=8, max_value=90))
def test_wrap_is_textwrap_as_polib_calls_it(text: str, width: int) -> None:
    from l10n.poformat import wrap

    assert wrap(text, width) == textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)


def test_entries_rendered_once_give_the_same_catalogue_text() -> None:
    """A template's entries rendered once serve both its own text and the new catalogue's."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = "Header."
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Gammel", msgstr="Old", obsolete=True))
    po.append(polib.POEntry(msgid="En setning. " * 12, comment="paragraph", occurrences=[("a.md", "3")]))
    assert render_po(po, render_entries(po)) == render_po(po) == po.__unicode__()
    empty = polib.POFile(wrapwidth=WRAP_WIDTH)
    empty.metadata = {"Language": "en"}
    assert render_po(empty, []) == empty.__unicode__()


@given(st.lists(st.sampled_from(["a", "b", " ", "  ", ",", "ø", "\u00a0", "\u2009", "word", "long" * 9]), max_size=40)
       .map("".join), st.integers(min_value=1, max_value=40))
@settings(max_examples=300, deadline=None)
def test_wrap_of_text_without_hyphens_is_textwrap(text: str, width: int) -> None:
    """The one-regex fill (text whose only breakable whitespace is spaces) equals textwrap's."""
    from l10n.poformat import wrap

    assert wrap(text, width) == textwrap.wrap(text, width, drop_whitespace=False, break_long_words=False)
