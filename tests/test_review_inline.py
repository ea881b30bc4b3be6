"""``l10n review`` editing (issue 10, point 5): an empty or unchanged inline edit keeps the
entry as it was, the inline prompt starts with the suggestion, no $EDITOR falls back to
inline editing, and Ctrl-D ends the session keeping what was saved."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from tm_project import make_project, po_path

from l10n.config import load_config
from l10n.memory import open_memory

ROWS = [
    ("Sjojgu ble invitert tirsdag.", "Shoigu was invited on Tuesday.", True, "paragraph\nmt: google 2026-11-27"),
    ("Det ble rullet ut rød løper.", "The red carpet was rolled out.", True, "paragraph\nmt: google 2026-11-27"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"kim": ROWS}, glossary="source,target,type,forbidden\n")


def entry(root: Path, msgid: str) -> polib.POEntry:
    return polib.pofile(str(po_path(root, "kim"))).find(msgid)


def memory_targets(root: Path) -> list[str]:
    with open_memory(load_config(root)) as tm:
        return [u.target for u in tm.units()]


@pytest.mark.parametrize("typed", ["", "Shoigu was invited on Tuesday."])
def test_empty_or_unchanged_inline_edit_keeps_the_entry_fuzzy(invoke, project: Path, typed: str) -> None:
    before = po_path(project, "kim").read_bytes()
    result = invoke(["review", "--reviewer", "Kari"], project=project, input=f"i\n{typed}\nq\n")
    assert result.exit_code == 0, result.output
    assert "unchanged; the entry stays as it was" in result.output
    first = entry(project, "Sjojgu ble invitert tirsdag.")
    assert first.fuzzy and first.msgstr == "Shoigu was invited on Tuesday." and not first.tcomment
    assert po_path(project, "kim").read_bytes() == before
    assert memory_targets(project) == []


def test_no_editor_falls_back_to_inline_editing(invoke, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    result = invoke(["review", "--reviewer", "Kari"], project=project, input="e\nShoigu was invited.\nq\n")
    assert result.exit_code == 0, result.output
    assert "no $EDITOR set: editing inline" in result.output
    assert entry(project, "Sjojgu ble invitert tirsdag.").msgstr == "Shoigu was invited."


def test_end_of_input_ends_the_session_keeping_what_was_saved(invoke, project: Path) -> None:
    result = invoke(["review", "--reviewer", "Kari"], project=project, input="a\n")  # then Ctrl-D
    assert result.exit_code == 0, result.output
    assert "1 accepted, 0 edited, 0 skipped; 1 entries still need review" in result.output
    assert not entry(project, "Sjojgu ble invitert tirsdag.").fuzzy
    assert entry(project, "Det ble rullet ut rød løper.").fuzzy


def _read_until(fd: int, marker: bytes, seen: bytearray, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no {marker!r} in {bytes(seen)!r}")
        seen += os.read(fd, 4096)
    del seen[: seen.index(marker) + len(marker)]


def test_on_a_terminal_the_inline_prompt_starts_with_the_suggestion(project: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "dumb", "L10N_REVIEWER": "Kari"}
    proc = subprocess.Popen([sys.executable, "-m", "l10n", "review", "--project", str(project)],
                            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen = bytearray()
    try:
        for key, wait_for in ((b"i", b"[q]uit? "), (b" Finally.\r", b"translation: "),
                              (b"\x04", b"[q]uit? ")):  # Ctrl-D at the next prompt ends the session
            _read_until(master, wait_for, seen)
            time.sleep(0.3)  # the prompt is printed before the terminal is switched to raw mode,
            os.write(master, key)  # which discards anything typed earlier (a sync, not a timing test)
        _read_until(master, b"0 accepted, 1 edited, 0 skipped; 1 entries still need review", seen)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    edited = entry(project, "Sjojgu ble invitert tirsdag.")
    assert edited.msgstr == "Shoigu was invited on Tuesday. Finally." and not edited.fuzzy
    assert entry(project, "Det ble rullet ut rød løper.").fuzzy
