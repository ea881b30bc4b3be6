"""Catalogue locks and the merged save (issue 10, points 1 and 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import polib
import pytest

sys.path.insert(0, str(Path(__file__).parent / "engines"))

import fakeservers as fs  # noqa: E402

from l10n.catalog import read_catalog, write_catalog  # noqa: E402
from l10n.errors import L10nError  # noqa: E402
from l10n.locking import (catalog_lock, edit_catalog, lock_path, read_with_snapshot, run_lock,  # noqa: E402
                          save_merged)

ACTORS = Path(__file__).with_name("actors.py")


def _catalog(path: Path, entries: list[polib.POEntry]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for entry in entries:
        po.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_catalog(po, path)
    return path


def _entry(msgid: str, msgstr: str = "", fuzzy: bool = False, tcomment: str = "") -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else [], tcomment=tcomment)


def _by_id(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in read_catalog(path) if not e.obsolete}


def _poedit_save(path: Path, change) -> None:
    """Save like an editor that takes no lock, keeping the old mtime (same size too)."""
    before = path.stat()
    po = polib.pofile(str(path))
    change(po)
    path.write_text(str(po), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_unlocked_save_with_same_size_and_mtime_is_detected_and_merged(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "a.po", [_entry("En.", "MT one", fuzzy=True), _entry("To.")])
    po, snapshot = read_with_snapshot(path)

    def review(disk: polib.POFile) -> None:
        first = disk.find("En.")
        first.msgstr, first.flags = "Mt Two", []  # same length: only the content hash tells
    _poedit_save(path, review)
    po.find("To.").msgstr = "Two"
    po.find("To.").flags.append("fuzzy")
    taken, _ = save_merged(po, path, snapshot)
    disk = _by_id(path)
    assert (disk["En."].msgstr, disk["En."].fuzzy) == ("Mt Two", False)
    assert (disk["To."].msgstr, disk["To."].fuzzy) == ("Two", True)
    assert taken == {("", "En.")}


def test_reviewed_entry_on_disk_is_never_replaced_by_fuzzy_or_empty(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "a.po", [_entry("En.", "One", tcomment="reviewed-by: kari"), _entry("To.", "Two")])
    po, snapshot = read_with_snapshot(path)
    _poedit_save(path, lambda disk: setattr(disk.find("To."), "tcomment", "note"))  # any change on disk
    po.find("En.").msgstr = "machine one"
    po.find("En.").flags.append("fuzzy")
    po.find("To.").msgstr = ""
    save_merged(po, path, snapshot)
    disk = _by_id(path)
    assert (disk["En."].msgstr, disk["En."].fuzzy, disk["En."].tcomment) == ("One", False, "reviewed-by: kari")
    assert (disk["To."].msgstr, disk["To."].fuzzy) == ("Two", False)


def test_entries_added_or_removed_on_disk_are_kept_that_way(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "a.po", [_entry("En."), _entry("To.")])
    po, snapshot = read_with_snapshot(path)

    def change(disk: polib.POFile) -> None:
        disk.remove(disk.find("To."))
        disk.append(_entry("Tre.", "Three"))
    _poedit_save(path, change)
    po.find("En.").msgstr = "One"
    save_merged(po, path, snapshot)
    assert {k: v.msgstr for k, v in _by_id(path).items()} == {"En.": "One", "Tre.": "Three"}


def test_edit_catalog_saves_only_a_change_and_holds_the_lock(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "a.po", [_entry("En.")])
    before = path.read_bytes()
    with edit_catalog(path):
        pass
    assert path.read_bytes() == before
    with edit_catalog(path) as po:
        po.find("En.").msgstr = "One"
        probe = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "locked"
    assert _by_id(path)["En."].msgstr == "One"


PROBE = """
import sys
import threading
import time
from pathlib import Path
from filelock import FileLock, Timeout
from l10n.locking import lock_path
try:
    FileLock(lock_path(Path(sys.argv[1]))).acquire(timeout=0)
    print("free")
except Timeout:
    print("locked")
"""


def test_lock_files_stay_out_of_the_way(tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text("", encoding="utf-8")
    inside = tmp_path / "locales" / "en" / "LC_MESSAGES" / "a.po"
    assert lock_path(inside).parent == tmp_path / ".l10n" / "locks"
    assert (tmp_path / ".l10n" / "locks" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    bare = tmp_path.parent / "elsewhere" / "b.po"
    assert lock_path(bare) == bare.with_name(".b.po.lock")
    with catalog_lock(inside), catalog_lock(inside):  # re-entrant in one thread
        pass


def test_a_second_run_stops_naming_the_first_one(tmp_path: Path) -> None:
    with run_lock(tmp_path):
        with pytest.raises(L10nError, match=rf"another translate is running \(pid {os.getpid()}\)"):
            with run_lock(tmp_path):
                pass
    with run_lock(tmp_path):  # released: free again
        pass


# -- real processes -----------------------------------------------------------------

def _race_project(root: Path, n: int) -> Path:
    fuzzy = [polib.POEntry(msgid=f"Setning nummer {i} er maskinoversatt.", msgstr=f"Sentence number {i} is MT.",
                           flags=["fuzzy"], comment="paragraph") for i in range(n)]
    fresh = [f"Ny setning {i} venter på maskinen." for i in range(n)]
    return fs.make_project(root, {"a": fuzzy + fresh})


def _lost(log: Path, project: Path) -> list[str]:
    decisions = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    lost = []
    for d in decisions:
        entry = _by_id(Path(d["path"])).get(d["msgid"])
        if entry is None or entry.fuzzy or entry.msgstr != d["text"] or "reviewed-by" not in (entry.tcomment or ""):
            lost.append(d["msgid"])
    return lost


@pytest.mark.parametrize("trial", range(4))
def test_review_during_translate_loses_no_decision(tmp_path: Path, trial: int) -> None:
    """Point 1: review accepts and edits while translate writes the same catalogue."""
    project = _race_project(tmp_path / "p", 16)
    log = tmp_path / "decisions.jsonl"
    with fs.FakeServer(fs.libre(delay=0.03)) as server:
        procs = [subprocess.Popen([sys.executable, str(ACTORS), "translate", str(project), server.url]),
                 subprocess.Popen([sys.executable, str(ACTORS), "review", str(project), str(trial), str(log)])]
        codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0]
    assert log.exists() and log.read_text(encoding="utf-8").count("\n") == 8
    assert _lost(log, project) == []
    entries = _by_id(project / "locales/en/LC_MESSAGES/a.po")
    assert all(e.msgstr for e in entries.values())  # translate's work is all there too


def test_two_translate_runs_send_each_segment_once(tmp_path: Path) -> None:
    """Point 2: a second run at once stops naming the first; with --wait it sends nothing twice."""
    segments = 24
    project = fs.make_project(tmp_path / "p", {"a": [f"Setning {i} om været." for i in range(segments)]}, glossary=None)
    (project / "glossary.csv").write_text("source,target\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "l10n", "translate", "--engine", "libre", "--workers", "2", "--project", str(project)]
    gate = threading.Event()  # the engine answers nothing until both later runs have started

    def slow(seen: fs.Seen) -> fs.Reply:
        gate.wait(timeout=60)
        return fs.libre(delay=0.01)(seen)

    with fs.FakeServer(slow) as server:
        first = subprocess.Popen([*cmd, "--engine-url", server.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while not server.requests and first.poll() is None:  # the first run holds the lock once it sends
            time.sleep(0.02)
        later = [subprocess.Popen([*cmd, "--engine-url", server.url, *extra], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for extra in ([], ["--wait"])]
        _, blocked_err = later[0].communicate(timeout=120)
        gate.set()
        _, waiting_err = later[1].communicate(timeout=120)
        first.communicate(timeout=120)
    blocked, waiting = later
    assert first.returncode == 0
    assert blocked.returncode == 1
    assert blocked_err.startswith(f"Error: another translate is running (pid {first.pid})"), blocked_err
    assert waiting.returncode == 0, waiting_err
    assert len(server.requests) <= 1.05 * segments
    assert all(e.msgstr for e in _by_id(project / "locales/en/LC_MESSAGES/a.po").values())
