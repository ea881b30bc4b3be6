"""Differential test: ``merge_catalog`` against GNU ``msgmerge --previous`` (issue 10,
point 4) on small catalogues with plurals, contexts, previous msgids and obsolete entries."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import read_catalog, write_catalog
from l10n.merge import merge_catalog

DATA = Path(__file__).parent / "data" / "merge"
MSGMERGE, MSGFMT = shutil.which("msgmerge"), shutil.which("msgfmt")
CASES = sorted(p.name.split(".")[0] for p in DATA.glob("*.old.po"))
pytestmark = pytest.mark.skipif(MSGMERGE is None, reason="msgmerge (GNU gettext) is not installed")


def _view(po: polib.POFile) -> tuple[dict, set]:
    active = {(e.msgctxt or "", e.msgid): (e.msgid_plural or "", e.msgstr, dict(e.msgstr_plural), e.fuzzy,
                                          e.previous_msgctxt or "", e.previous_msgid or "", e.previous_msgid_plural or "")
              for e in po if not e.obsolete and e.msgid}
    obsolete = {(e.msgctxt or "", e.msgid, e.msgstr) for e in po if e.obsolete}
    return active, obsolete


@pytest.mark.parametrize("case", CASES)
def test_same_result_as_msgmerge(case: str, tmp_path: Path) -> None:
    old, new = DATA / f"{case}.old.po", DATA / f"{case}.new.pot"
    theirs = tmp_path / "msgmerge.po"
    subprocess.run([MSGMERGE, "--previous", "--quiet", "-o", str(theirs), str(old), str(new)], check=True)
    ours, _ = merge_catalog(read_catalog(new), read_catalog(old), "en")
    mine = tmp_path / "ours.po"
    write_catalog(ours, mine)
    assert _view(read_catalog(mine)) == _view(polib.pofile(str(theirs)))
    if MSGFMT:
        check = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(mine)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
