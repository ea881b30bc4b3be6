"""Atomic writes: replace keeps the mode, create never overwrites, no temporary file is left."""

from __future__ import annotations

import os
from pathlib import Path

from l10n.fsutil import atomic_write_bytes, create_bytes


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_create_writes_a_new_file_and_never_replaces_one(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "new.po"
    assert create_bytes(target, b"first\n")
    assert target.read_bytes() == b"first\n" and target.stat().st_mode & 0o777 == 0o644
    assert not create_bytes(target, b"second\n")  # someone's file is there: untouched
    assert target.read_bytes() == b"first\n"
    assert _leftovers(target.parent) == []


def test_replace_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    atomic_write_bytes(target, b"one")
    assert target.stat().st_mode & 0o777 == 0o644
    os.chmod(target, 0o600)
    atomic_write_bytes(target, b"two", durable=False)
    assert target.read_bytes() == b"two" and target.stat().st_mode & 0o777 == 0o600
    assert _leftovers(tmp_path) == []
