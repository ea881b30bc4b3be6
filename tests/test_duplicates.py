"""A hand-edited catalogue with one msgid twice (issue 10, point 3): every command that
reads it stops with a located error naming both lines, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n.catalog import read_catalog
from l10n.errors import CatalogError


def _duplicate(path: Path) -> tuple[int, int]:
    """Append a second, reviewed-looking copy of the first entry; return both entry lines."""
    po = polib.pofile(str(path))
    first = next(e for e in po if not e.obsolete)
    twin = polib.POEntry(msgid=first.msgid, msgctxt=first.msgctxt, msgstr="A second copy.", tcomment="reviewed-by: kari")
    po.append(twin)
    po.save(str(path))
    again = polib.pofile(str(path))
    lines = [e.linenum for e in again if e.msgid == first.msgid and e.msgctxt == first.msgctxt]
    return lines[0], lines[1]


def test_reader_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Hei."\nmsgstr "Hi."\n\n# reviewed-by: kari\nmsgid "Hei."\nmsgstr "Hello."\n\n'
                    'msgctxt "heading"\nmsgid "Hei."\nmsgstr "Hi!"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert str(info.value).startswith(f"{path}:8: duplicate msgid 'Hei.': also defined at line 5")


@pytest.mark.parametrize("command", [["update"], ["build"], ["qa"], ["tm", "update"], ["translate", "--engine", "dummy"]])
def test_every_command_stops_and_writes_nothing(invoke, mini_project: Path, command: list[str]) -> None:
    assert invoke(["extract"], mini_project).exit_code == 0
    assert invoke(["update", "--lang", "en"], mini_project).exit_code == 0
    po_path = next((mini_project / "locales" / "en" / "LC_MESSAGES").glob("*.po"))
    first, second = _duplicate(po_path)
    before = po_path.read_bytes()
    result = invoke(command, mini_project)
    assert result.exit_code == 1
    assert f"{po_path.name}:{second}: duplicate msgid" in result.output
    assert f"also defined at line {first}" in result.output
    assert "Traceback" not in result.output
    assert po_path.read_bytes() == before
    assert not (mini_project / "build").exists() or not any((mini_project / "build").rglob("*.*"))
