"""The stamp store: a cache that is safe to lose, to corrupt and to share."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from l10n import state as state_mod
from l10n.config import Config
from l10n.state import STATE_PATH, Record, RunState, stamp


def config(tmp_path: Path) -> Config:
    return Config(root=tmp_path)


def test_a_saved_state_loads_back(tmp_path: Path) -> None:
    s = RunState.load(config(tmp_path))
    (tmp_path / "a.txt").write_text("hei", encoding="utf-8")
    s.record(Record("build:en:a:md", "a", "in1", {"a.txt": s.file_hash("a.txt")}, {"translated": 2}))
    s.save()
    again = RunState.load(config(tmp_path))
    assert again.is_fresh("build:en:a:md", "in1")
    assert not again.is_fresh("build:en:a:md", "in2")
    assert again.info("build:en:a:md") == {"translated": 2}
    assert not list((tmp_path / ".l10n").glob("*.tmp"))
    assert json.loads((tmp_path / STATE_PATH).read_bytes())["format"] == state_mod.FORMAT


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"format": 1, "files": 3, "steps": {}}',
                                     b"\xff\xfe garbage"])
def test_corrupt_state_is_an_empty_state(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / STATE_PATH
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    s = RunState.load(config(tmp_path))
    assert s.get("extract:a") is None and not s.is_fresh("extract:a", "x")


def test_an_output_changed_by_someone_else_is_not_fresh(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("ours", encoding="utf-8")
    s = RunState.load(config(tmp_path))
    s.record(Record("build:en:a:md", "a", "in", {"out.md": s.file_hash("out.md")}))
    out.write_text("theirs", encoding="utf-8")
    assert not s.is_fresh("build:en:a:md", "in")
    out.unlink()
    assert not s.is_fresh("build:en:a:md", "in")


def test_same_size_same_mtime_edit_right_after_a_save_is_still_seen(tmp_path: Path) -> None:
    """git's "racy clean" problem: a stat match is trusted only for files older than the save."""
    path = tmp_path / "a.po"
    path.write_bytes(b"msgstr 1")
    s = RunState.load(config(tmp_path))
    first = s.file_hash("a.po")
    s.save()
    st = path.stat()
    path.write_bytes(b"msgstr 2")  # same size ...
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # ... and the same modification time
    assert RunState.load(config(tmp_path)).file_hash("a.po") != first


def test_stat_cache_is_used_for_old_files(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"x" * 10)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    s = RunState.load(config(tmp_path))
    h = s.file_hash("a.po")
    s.save()
    reads: list[Path] = []
    monkeypatch.setattr(state_mod, "hash_file", lambda p, rel: reads.append(p))
    assert RunState.load(config(tmp_path)).file_hash("a.po") == h and reads == []


def test_stamps_change_with_the_l10n_version(monkeypatch) -> None:
    before = stamp("extract", "a.md", "h")
    monkeypatch.setattr(state_mod, "__version__", "99.0")
    assert stamp("extract", "a.md", "h") != before


def test_unwritable_state_folder_is_no_error(tmp_path: Path) -> None:
    (tmp_path / ".l10n").write_text("a file where the folder should be", encoding="utf-8")
    s = RunState.load(config(tmp_path))
    s.record(Record("extract:a", "a", "in"))
    s.save()  # must not raise: the state is only a cache
    assert s.dirty


def test_prune_drops_records_of_gone_articles(tmp_path: Path) -> None:
    s = RunState.load(config(tmp_path))
    s.record(Record("extract:a", "a", "1"))
    s.record(Record("extract:b", "b", "1"))
    s.prune({"a"})
    assert s.get("extract:a") and s.get("extract:b") is None


def test_an_unchanged_rehash_of_a_recent_file_leaves_the_state_clean(tmp_path: Path) -> None:
    """A file written just before the last save is hashed again (it may have changed unseen);
    finding it unchanged is nothing to save, so a no-op run right after a run writes nothing."""
    path = tmp_path / "a.po"
    path.write_bytes(b"msgstr 1")
    s = RunState.load(config(tmp_path))
    first = s.file_hash("a.po")
    s.save()
    again = RunState.load(config(tmp_path))
    assert again.file_hash("a.po") == first and not again.dirty


def test_second_granular_timestamps_get_the_wide_racy_window(tmp_path: Path, monkeypatch) -> None:
    """A modification time without a sub-millisecond part (FAT, HFS+, ext3) is trusted only 2 s
    after the save; a nanosecond one after 100 ms."""
    import time

    coarse, fine = tmp_path / "coarse.po", tmp_path / "fine.po"
    now = time.time_ns()
    for path, mtime in ((coarse, (now // 10**9 + 1) * 10**9), (fine, now - 500_000_001)):  # next whole second
        path.write_bytes(b"x")
        os.utime(path, ns=(mtime, mtime))
    s = RunState.load(config(tmp_path))
    s.file_hash("coarse.po"), s.file_hash("fine.po")
    s.save()
    reads: list[str] = []
    real = state_mod.hash_file
    monkeypatch.setattr(state_mod, "hash_file", lambda p, rel: reads.append(rel) or real(p, rel))
    loaded = RunState.load(config(tmp_path))
    loaded.file_hash("coarse.po"), loaded.file_hash("fine.po")
    assert reads == ["coarse.po"]
