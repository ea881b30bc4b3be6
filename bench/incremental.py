"""Benchmark incremental runs: cold, no-op and one-edit ``l10n run`` on a 1,000-article project.

Builds a project of --articles plain-text articles (~500 words each) from the
Norwegian side of ../shared/data/parallel/*.tsv (seeded, as bench/pipeline.py),
then, per run set, in a fresh project:

  cold      ``l10n run --no-translate`` on the new project,
  no-op     the same command again with nothing changed,
  one edit  the same command after one paragraph of one article was changed.

After the no-op run every output (templates, catalogues, build files) must be
byte-identical with its modification time kept; after the edit the edited
article's template, catalogue and build file must have changed and every other
article's outputs must be byte-identical with mtime kept. Violations are printed
and make the exit status 1. The whole sequence runs --runs times on all cores and
pinned to one core (bench/measure.py: wall, CPU of all processes, whole-tree peak
memory, median [min–max]). For reference, Translate Toolkit's cold pipeline
(txt2po → posegment → pot2po → po2txt, as in bench/pipeline.py) on the same
articles — it has no incremental mode, so its every run is a cold run.

    python bench/incremental.py [--articles 1000] [--words 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measurement, Series, machine, measure_command, measure_commands, ratio_line  # noqa: E402
from pipeline import make_articles, peer_steps  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EDITED = 500  # index of the article that is edited (the middle one in a smaller project)
GOALS = {"no-op": 0.5, "one edit": 1.0}  # seconds, issue 12


def snapshot(project: Path) -> dict[str, tuple[str, int]]:
    """Every output file: relative path -> (sha256, mtime_ns). State under .l10n/ is not an output."""
    result = {}
    for folder in ("locales", "build"):
        for path in sorted((project / folder).rglob("*")):
            if path.is_file():
                result[str(path.relative_to(project))] = (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                          path.stat().st_mtime_ns)
    return result


def is_edited(rel: str, slug: str) -> bool:
    return Path(rel).stem == slug


def check_noop(before: dict, after: dict) -> list[str]:
    problems = [f"no-op: {rel} appeared" for rel in after.keys() - before.keys()]
    problems += [f"no-op: {rel} disappeared" for rel in before.keys() - after.keys()]
    for rel in before.keys() & after.keys():
        if before[rel][0] != after[rel][0]:
            problems.append(f"no-op: {rel} content changed")
        elif before[rel][1] != after[rel][1]:
            problems.append(f"no-op: {rel} rewritten (mtime changed, same bytes)")
    return problems


def check_edit(before: dict, after: dict, slug: str) -> tuple[list[str], int]:
    """Problems, and how many untouched outputs were verified unchanged."""
    problems, kept = [], 0
    for rel in sorted(before.keys() | after.keys()):
        old, new = before.get(rel), after.get(rel)
        if is_edited(rel, slug):
            if old is not None and new is not None and old[0] == new[0]:
                problems.append(f"edit: {rel} of the edited article did not change")
            continue
        if old is None or new is None:
            problems.append(f"edit: {rel} {'appeared' if old is None else 'disappeared'}")
        elif old[0] != new[0]:
            problems.append(f"edit: untouched {rel} content changed")
        elif old[1] != new[1]:
            problems.append(f"edit: untouched {rel} rewritten (mtime changed, same bytes)")
        else:
            kept += 1
    edited_outputs = [rel for rel in after if is_edited(rel, slug)]
    expected = {"pot", "po", "txt"}
    missing = expected - {Path(rel).suffix.lstrip(".") for rel in edited_outputs}
    if missing:
        problems.append(f"edit: edited article has no {', '.join(sorted(missing))} output")
    return problems, kept


def edit_article(path: Path) -> None:
    """Replace the first paragraph with a new sentence (a real content change)."""
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    paragraphs[0] = "Redaksjonen har rettet opp en feil i denne saken. " + paragraphs[0]
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")


def sequence(root: Path, articles: Path, tag: str, one_core: bool) -> tuple[dict[str, Measurement], list[str], int]:
    """Cold, no-op and one-edit runs on a fresh project; problems found; untouched outputs verified."""
    project = root / f"project-{tag}"
    subprocess.run([sys.executable, "-m", "l10n", "init", str(project), "--target", "en"], check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    shutil.copytree(articles, project / "source_articles", dirs_exist_ok=True)
    cmd = [sys.executable, "-m", "l10n", "run", "--no-translate", "-q", "--project", str(project)]
    times = {"cold": measure_command(cmd, cwd=project, one_core=one_core)}
    before = snapshot(project)
    times["no-op"] = measure_command(cmd, cwd=project, one_core=one_core)
    after_noop = snapshot(project)
    problems = check_noop(before, after_noop)
    found = sorted((project / "source_articles").glob("*.txt"))
    target = found[min(EDITED, len(found) // 2)]
    edit_article(target)
    times["one edit"] = measure_command(cmd, cwd=project, one_core=one_core)
    more, kept = check_edit(after_noop, snapshot(project), target.stem)
    shutil.rmtree(project)
    return times, problems + more, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=500, help="words per article")
    parser.add_argument("--runs", type=int, default=3, help="run sets per mode")
    parser.add_argument("--no-peer", action="store_true", help="leave out Translate Toolkit's cold run")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        words = make_articles(articles, args.articles, args.words)
        print(f"project: {args.articles} articles, {words} words (plain text); the middle article is edited; "
              f"{args.runs} run sets per mode, interleaved with the peer")
        series: dict[tuple[str, bool], Series] = {}
        peer: dict[bool, Series] = {False: Series(), True: Series()}
        problems: list[str] = []
        verified = []
        for i in range(args.runs):
            for one in (False, True):
                times, found, kept = sequence(root, articles, f"{i}-{int(one)}", one)
                problems += found
                verified.append(kept)
                for step, m in times.items():
                    series.setdefault((step, one), Series()).runs.append(m)
                if not args.no_peer:
                    folder = root / f"peer-{i}-{int(one)}"
                    folder.mkdir()
                    peer[one].runs.append(measure_commands(peer_steps(articles), cwd=folder, one_core=one))
                    shutil.rmtree(folder)
    for one in (False, True):
        mode = "one core" if one else "parallel"
        print(f"-- {mode}")
        cold = series[("cold", one)]
        for step in ("cold", "no-op", "one edit"):
            s = series[(step, one)]
            goal = f"  (goal <= {GOALS[step]:.1f} s wall)" if step in GOALS else ""
            speedup = "" if step == "cold" else f"; {cold.median('wall') / s.median('wall'):.1f}x faster than cold"
            print(f"l10n run, {step:9} {s.summary()}{speedup}{goal}")
        if peer[one].runs:
            print(f"translate-toolkit cold {peer[one].summary()}")
            print(f"ratio, cold l10n vs peer: {ratio_line(cold, peer[one])}")
    print(f"outputs checked: no-op and one-edit runs; {min(verified)}–{max(verified)} untouched outputs "
          f"verified byte-identical with mtime kept per run set")
    if problems:
        shown = sorted(set(problems))
        print(f"PROBLEMS ({len(problems)}):")
        for line in shown[:30]:
            print(f"  {line}")
        if len(shown) > 30:
            print(f"  ... and {len(shown) - 30} more")
        sys.exit(1)
    print("all checks passed: untouched outputs byte-identical and not rewritten; the edited article's outputs "
          "changed")


if __name__ == "__main__":
    main()
