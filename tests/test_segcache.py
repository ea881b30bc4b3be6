"""Segments kept by extract for build: used only while they fit the article, never a source of truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from l10n import extract, segcache


def _build_bytes(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "build").rglob("*")) if p.is_file()}


def test_build_uses_the_segments_extract_kept(invoke, mini_project: Path, monkeypatch) -> None:
    assert invoke(["extract"], mini_project).exit_code == 0
    assert invoke(["update"], mini_project).exit_code == 0
    assert sorted(p.name for p in (mini_project / segcache.FOLDER).iterdir()) == ["kort.json", "vaer.json"]

    def no_segmenting(*args, **kwargs):
        raise AssertionError("build segmented an article whose segments were kept")

    monkeypatch.setattr(extract, "article_segments", no_segmenting)
    assert invoke(["build"], mini_project).exit_code == 0
    kept = _build_bytes(mini_project)
    monkeypatch.undo()
    (mini_project / "build").rename(mini_project / "build-kept")
    for path in (mini_project / segcache.FOLDER).iterdir():
        path.unlink()
    assert invoke(["build"], mini_project).exit_code == 0
    assert _build_bytes(mini_project) == kept  # the same builds when every article is segmented again


@pytest.mark.parametrize("damage", ["stale", "corrupt", "wrong shape"])
def test_a_cache_that_does_not_fit_is_segmented_again(invoke, mini_project: Path, damage: str) -> None:
    assert invoke(["extract"], mini_project).exit_code == 0
    assert invoke(["update"], mini_project).exit_code == 0
    assert invoke(["build"], mini_project).exit_code == 0
    expected = _build_bytes(mini_project)
    cached = mini_project / segcache.FOLDER / "vaer.json"
    data = json.loads(cached.read_text(encoding="utf-8"))
    bogus = [["Noe helt annet.", None, "paragraph", 0, 5, 1, 0]]
    if damage == "stale":  # segments of another version of the article
        cached.write_text(json.dumps({"key": segcache.key("x", "y", "nb"), "segments": bogus}), encoding="utf-8")
    elif damage == "corrupt":
        cached.write_bytes(b"{not json")
    else:
        cached.write_text(json.dumps({"key": data["key"], "segments": [[1, 2]]}), encoding="utf-8")
    for path in (mini_project / "build").rglob("*"):
        if path.is_file():
            path.unlink()
    assert invoke(["build"], mini_project).exit_code == 0
    assert _build_bytes(mini_project) == expected


def test_run_keeps_segments_in_memory_and_a_later_build_stores_them(invoke, mini_project: Path, monkeypatch) -> None:
    """``l10n run`` extracts and builds from one segmentation and writes no cache; the build
    after a catalogue edit segments once and stores, so the next build does not."""
    assert invoke(["run", "-q"], mini_project).exit_code == 0
    folder = mini_project / segcache.FOLDER
    assert not folder.exists() or not list(folder.iterdir())
    po = mini_project / "locales" / "en" / "LC_MESSAGES" / "vaer.po"
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a catalogue change only
    assert invoke(["build"], mini_project).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["vaer.json"]

    def no_segmenting(*args, **kwargs):
        raise AssertionError("segmented again although the cache fits")

    monkeypatch.setattr(extract, "article_segments", no_segmenting)
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert invoke(["build"], mini_project).exit_code == 0
