"""Atomic writes: replace keeps the mode, create never overwrites, no temporary file is left;
fsutil.child, the cheap ``folder / name``, is exactly pathlib's."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, strategies as st

from l10n.fsutil import atomic_write_bytes, child, create_bytes


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


NAMES = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=0, max_size=12)
FOLDERS = st.sampled_from([Path("/tmp/project/locales/en/LC_MESSAGES"), Path("build/en"), Path("."), Path("/"),
                           Path("relative")])


@given(FOLDERS, NAMES)
def test_child_is_pathlib_join(folder: Path, name: str) -> None:
    joined, expected = child(folder, name), folder / name
    assert (str(joined), joined.parts, joined.name, joined.stem, joined.suffix, joined.parent) == \
        (str(expected), expected.parts, expected.name, expected.stem, expected.suffix, expected.parent)
    assert joined == expected and hash(joined) == hash(expected)
