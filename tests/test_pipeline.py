"""Incremental runs: each change redoes exactly what depends on it, and nothing else is rewritten."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import polib
import pytest

from l10n import catalog
from l10n.config import load_config
from l10n.pipeline import RunReport, run_pipeline

OLD = 1_000_000_000  # 2001: a modification time no run of ours can produce


def run(root: Path, **kwargs) -> RunReport:
    return run_pipeline(load_config(root), **kwargs)


def outputs(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file the steps write, with its modification time and bytes."""
    found = {}
    for folder in ("locales", "build"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


def age(root: Path) -> None:
    """Set every output's modification time far into the past, so a rewrite shows."""
    for rel in outputs(root):
        os.utime(root / rel, (OLD, OLD))


def worked(report: RunReport) -> set[tuple[str, str]]:
    """(step, slug) of every step that did work rather than being skipped."""
    done = {("extract", r.slug) for r in report.extracted if not r.skipped and not r.removed}
    done |= {("update", r.slug) for r in report.updated if not r.skipped}
    return done | {("build", r.slug) for r in report.built if not r.skipped}


def changed(before: dict, after: dict) -> set[str]:
    return {rel for rel in after if before.get(rel) != after[rel]}


@pytest.fixture
def project(mini_project: Path) -> Path:
    run(mini_project)
    age(mini_project)
    return mini_project


def test_noop_rerun_parses_nothing_and_rewrites_nothing(project: Path, monkeypatch) -> None:
    before = outputs(project)
    monkeypatch.setattr(catalog, "read_catalog", lambda *a: pytest.fail("a catalogue was parsed"))
    monkeypatch.setattr(catalog, "write_catalog", lambda *a: pytest.fail("a catalogue was written"))
    report = run(project)
    assert worked(report) == set()
    assert report.skipped == 6  # 2 articles × extract, update, build
    assert outputs(project) == before
    assert [line.split(":")[0] for line in report.lines()] == ["en/kort", "en/vaer"]


def test_one_article_edit_redoes_that_article_only(project: Path) -> None:
    before = outputs(project)
    article = project / "source_articles/kort.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nEn ny setning kom til.\n", encoding="utf-8")
    report = run(project)
    assert worked(report) == {("extract", "kort"), ("update", "kort"), ("build", "kort")}
    assert changed(before, outputs(project)) == {"locales/templates/kort.pot", "locales/en/LC_MESSAGES/kort.po",
                                                 "build/en/kort.txt"}
    assert "En ny setning kom til." in (project / "build/en/kort.txt").read_text(encoding="utf-8")


def test_catalogue_edited_in_poedit_rebuilds_its_article_and_feeds_the_memory(project: Path) -> None:
    before = outputs(project)
    path = project / "locales/en/LC_MESSAGES/vaer.po"
    po = polib.pofile(str(path))  # polib's own layout (wrap width 78), as another editor would save it
    entry = next(e for e in po if e.comment == "paragraph")
    entry.msgstr = "The ferries are not running."
    po.save()
    report = run(project)
    assert ("extract", "vaer") not in worked(report) and ("build", "vaer") in worked(report)
    assert report.tm_added == 1
    assert "The ferries are not running." in (project / "build/en/vaer.md").read_text(encoding="utf-8")
    assert changed(before, outputs(project)) <= {"locales/en/LC_MESSAGES/vaer.po", "build/en/vaer.md"}
    assert not any("kort" in rel for rel in changed(before, outputs(project)))


def test_added_article_is_the_only_work(project: Path) -> None:
    before = outputs(project)
    (project / "source_articles/ny.md").write_text("# Ny sak\n\nDet skjedde noe i dag.\n", encoding="utf-8")
    report = run(project)
    assert worked(report) == {("extract", "ny"), ("update", "ny"), ("build", "ny")}
    after = outputs(project)
    assert changed(before, after) == {"locales/templates/ny.pot", "locales/en/LC_MESSAGES/ny.po", "build/en/ny.md"}


def test_glossary_change_redoes_none_of_these_steps(project: Path) -> None:
    """Extract, update, memory and build do not read the glossary (machine translation and QA do)."""
    before = outputs(project)
    (project / "glossary.csv").write_text("source,target,type,forbidden,note\nVestlandet,Western Norway,name,,\n",
                                          encoding="utf-8")
    assert worked(run(project)) == set()
    assert outputs(project) == before


def test_build_setting_rebuilds_every_article_and_nothing_else(project: Path) -> None:
    before = outputs(project)
    toml = project / "l10n.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[build]\nfallback = "mark"\n', encoding="utf-8")
    report = run(project)
    assert worked(report) == {("build", "vaer"), ("build", "kort")}
    assert changed(before, outputs(project)) == {"build/en/vaer.md", "build/en/kort.txt"}


def test_project_name_reaches_headers_but_unchanged_builds_keep_their_files(project: Path) -> None:
    before = outputs(project)
    toml = project / "l10n.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "mini"', 'name = "desk"'), encoding="utf-8")
    report = run(project)
    assert {step for step, _ in worked(report)} == {"extract", "update", "build"}
    assert changed(before, outputs(project)) == {"locales/templates/vaer.pot", "locales/templates/kort.pot",
                                                 "locales/en/LC_MESSAGES/vaer.po", "locales/en/LC_MESSAGES/kort.po"}
    assert "Project-Id-Version: desk 1.0" in (project / "locales/templates/kort.pot").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_losing_the_state_only_costs_time(project: Path, damage: str) -> None:
    before = outputs(project)
    state = project / ".l10n/state.json"
    if damage == "delete":
        state.unlink()
    else:
        state.write_bytes(b'{"format": 1, "steps": [')
    report = run(project)
    assert len(worked(report)) == 6  # everything redone ...
    assert outputs(project) == before  # ... and found identical: not one file rewritten
    assert worked(run(project)) == set()


def test_deleted_output_and_deleted_memory_are_made_again(project: Path) -> None:
    path = project / "locales/en/LC_MESSAGES/kort.po"
    po = polib.pofile(str(path))
    po[0].msgstr = "Short weather note."
    po.save()
    assert run(project).tm_added == 1
    (project / "build/en/kort.txt").unlink()
    (project / ".l10n/memory.sqlite").unlink()
    report = run(project)
    assert worked(report) == {("build", "kort")}
    assert (project / "build/en/kort.txt").read_text(encoding="utf-8").startswith("Short weather note.")
    assert report.tm_added == 1  # a new, empty memory is filled again from every catalogue


def test_concurrent_runs_both_finish_and_leave_a_valid_state(project: Path) -> None:
    article = project / "source_articles/vaer.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nEtt avsnitt til.\n", encoding="utf-8")
    errors: list[BaseException] = []

    def one() -> None:
        try:
            run(project)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert "Ett avsnitt til." in (project / "build/en/vaer.md").read_text(encoding="utf-8")
    assert worked(run(project)) == set()  # the surviving state describes the files on disk
    assert not list((project / ".l10n").glob("*.tmp"))


def test_single_step_commands_use_the_stamps_too(invoke, project: Path) -> None:
    result = invoke(["build", "--json"], project)
    assert result.exit_code == 0
    assert '"path"' in result.output
    before = outputs(project)
    assert invoke(["extract"], project).exit_code == 0 and invoke(["update"], project).exit_code == 0
    assert "0 catalogues" in invoke(["tm", "update"], project).output
    assert outputs(project) == before


def test_noop_run_loads_neither_polib_nor_the_segmenter(project: Path) -> None:
    """A no-op run is stamps and stats only: the heavy machinery is imported by work, not by checks."""
    loaded, stderr = _loaded_by_noop_run(project, ("polib", "rapidfuzz", "l10n.segment", "l10n.merge", "l10n.assemble"))
    assert loaded == "[]", stderr


def _loaded_by_noop_run(project: Path, modules: tuple[str, ...]) -> tuple[str, str]:
    """Which of ``modules`` an ``l10n run -q`` in a fresh interpreter imported (printed as a
    sorted list), and its stderr."""
    code = ("import sys; from l10n.cli import main; sys.argv = ['l10n', 'run', '-q']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {modules!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1], done.stderr


def test_machine_translation_is_asked_only_about_catalogues_with_untranslated_entries(project: Path,
                                                                                     monkeypatch) -> None:
    from l10n import translate

    asked: list[list[str]] = []
    real = translate.translate_project
    monkeypatch.setattr(translate, "translate_project", lambda *a, **kw: asked.append(kw["articles"]) or real(*a, **kw))
    run(project, engine="dummy")
    assert asked == [["kort", "vaer"]]
    gaps = sorted(p.stem for p in (project / "locales/en/LC_MESSAGES").glob("*.po")
                  if any(not e.msgstr for e in polib.pofile(str(p))))  # the dummy echoes some sentences
    age(project)
    before = outputs(project)
    again = run(project, engine="dummy")
    assert gaps == ["vaer"]  # kort is fully machine-translated, vaer is not
    assert asked[1:] == [gaps]
    assert worked(again) == set() and outputs(project) == before


def test_new_catalogue_is_exactly_the_merge_of_its_template(mini_project: Path, monkeypatch) -> None:
    """A catalogue made in the run from the template's text is what merging the written template
    into nothing gives, byte for byte (the fast path writes no other text)."""
    from l10n.merge import merge_catalog
    from l10n.poformat import render_po

    monkeypatch.setattr(catalog, "now_stamp", lambda: "2026-01-02 03:04+0000")
    run(mini_project)
    config = load_config(mini_project)
    pots = sorted(config.templates_dir.glob("*.pot"))
    assert pots
    for pot in pots:
        expected, _ = merge_catalog(catalog.read_catalog(pot), None, "en")
        assert config.po_path("en", pot.stem).read_text(encoding="utf-8") == render_po(expected)


def test_catalogue_created_by_someone_else_meanwhile_is_merged_not_replaced(mini_project: Path, monkeypatch) -> None:
    """Between the check "no catalogue yet" and the write, a translator's file appears: the run
    must keep their translation (the create fails and the locked merge takes over)."""
    from l10n import fsutil

    real = fsutil.create_bytes
    theirs: list[Path] = []

    def racing(path: Path, data: bytes) -> bool:
        po = polib.pofile(data.decode("utf-8"))
        po[0].msgstr = "Their translation"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(po.__unicode__(), encoding="utf-8")
        theirs.append(path)
        return real(path, data)

    monkeypatch.setattr(fsutil, "create_bytes", racing)
    run(mini_project)
    assert theirs
    for path in theirs:
        assert polib.pofile(str(path))[0].msgstr == "Their translation"


def test_noop_run_reads_l10n_toml_from_its_parsed_cache(project: Path) -> None:
    """The first run left the parsed l10n.toml under .l10n/, so a no-op run loads neither the TOML
    parser nor the locale data; an edit of the file is still seen (test_build_setting_... above)."""
    assert (project / ".l10n/config.json").is_file()
    loaded, stderr = _loaded_by_noop_run(project, ("tomllib", "babel", "l10n.languages", "l10n.article", "hashlib"))
    assert loaded == "[]", stderr
    (project / ".l10n/config.json").write_bytes(b"\x00garbage")
    assert worked(run(project)) == set()  # a broken cache is only a cache miss
