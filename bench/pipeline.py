"""Benchmark: extract → update → build on 1,000 generated articles (~500,000 words).

Side by side, interleaved in one run, on the same plain-text articles:
  ours:   l10n extract, l10n update, l10n build --format txt (one process each, fresh project per run)
  peer:   Translate Toolkit txt2po -P → posegment → pot2po → po2txt -t (single-process tools)
Each tool chain runs --runs times in parallel mode (all cores; l10n uses worker
processes) and --runs times pinned to ONE core (bench/measure.py: affinity +
L10N_WORKERS=1). Printed per run set: wall time, CPU time of all processes
(user+sys of the tree), peak memory of the whole process tree (summed PSS), as
median [min–max], and the ratios.

The articles are built from the Norwegian side of ../shared/data/parallel/ (seeded
random choice), so both tools see real Norwegian sentences. Usage:

    python bench/pipeline.py [--articles 1000] [--words 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measurement, machine, measure_commands, norwegian_sentences, side_by_side  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def make_articles(folder: Path, count: int, words: int, seed: int = 7, ext: str = "txt") -> int:
    """``count`` articles of paragraphs of 2–5 random sentences, about ``words`` words each."""
    rng = random.Random(seed)
    pool = norwegian_sentences()
    total = 0
    for i in range(count):
        paragraphs, n = [], 0
        while n < words:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            n += len(para.split())
        total += n
        (folder / f"artikkel-{i:04d}.{ext}").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return total


class Ours:
    """A fresh l10n project per run, then extract → update → build, each step measured."""

    def __init__(self, root: Path, articles: Path) -> None:
        self.root, self.articles, self.count = root, articles, 0

    def __call__(self, one_core: bool) -> Measurement:
        self.count += 1
        project = self.root / f"ours-{self.count}"
        subprocess.run([sys.executable, "-m", "l10n", "init", str(project), "--target", "en"], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        shutil.copytree(self.articles, project / "source_articles", dirs_exist_ok=True)
        steps = [("extract", ["extract", "-q"]), ("update", ["update", "-q"]),
                 ("build", ["build", "-q", "--format", "txt"])]
        result = measure_commands([(name, [sys.executable, "-m", "l10n", *args]) for name, args in steps],
                                  cwd=project, one_core=one_core)
        shutil.rmtree(project)
        return result


def peer_steps(articles: Path) -> list[tuple[str, list[str]]]:
    bindir = Path(shutil.which("txt2po") or "txt2po").parent
    return [
        ("txt2po", [str(bindir / "txt2po"), "-P", "--progress=none", "-i", str(articles), "-o", "pot"]),
        ("posegment", [str(bindir / "posegment"), "--progress=none", "--source-language=nb", "-l", "en", "-P",
                       "-i", "pot", "-o", "segpot"]),
        ("pot2po", [str(bindir / "pot2po"), "--progress=none", "-i", "segpot", "-o", "po"]),
        ("po2txt", [str(bindir / "po2txt"), "--progress=none", "-i", "po", "-t", str(articles), "-o", "out"]),
    ]


class Peer:
    """Translate Toolkit's four tools in a fresh folder per run."""

    def __init__(self, root: Path, articles: Path) -> None:
        self.root, self.articles, self.count = root, articles, 0

    def __call__(self, one_core: bool) -> Measurement:
        self.count += 1
        folder = self.root / f"peer-{self.count}"
        folder.mkdir()
        result = measure_commands(peer_steps(self.articles), cwd=folder, one_core=one_core)
        shutil.rmtree(folder)
        return result


def steps_line(label: str, runs: list[Measurement]) -> str:
    """Per-step wall / CPU / peak of the median-wall run."""
    median_run = sorted(runs, key=lambda m: m.wall)[len(runs) // 2]
    return f"  {label} steps (median run): " + ", ".join(
        f"{name} {m.wall:.2f}s wall/{m.cpu:.2f}s CPU/{m.peak_mib:.0f}MiB" for name, m in median_run.steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=500, help="words per article")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and mode")
    args = parser.parse_args()
    if not shutil.which("txt2po"):
        sys.exit("Translate Toolkit is not installed: pip install -e '.[bench]'")
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        words = make_articles(articles, args.articles, args.words)
        print(f"corpus: {args.articles} articles, {words} words; {args.runs} runs per tool and mode, interleaved")
        result = side_by_side(Ours(root, articles), Peer(root, articles), runs=args.runs)
    print(result.report("l10n extract+update+build", "translate-toolkit txt2po+posegment+pot2po+po2txt"))
    for label, series in (("l10n parallel", result.ours), ("peer parallel", result.peer),
                          ("l10n one core", result.ours_one), ("peer one core", result.peer_one)):
        print(steps_line(label, series.runs))


if __name__ == "__main__":
    main()
