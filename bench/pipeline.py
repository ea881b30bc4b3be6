"""Benchmark: extract → update → build on 1,000 generated articles (~500,000 words).

Side by side in one run, on the same plain-text articles:
  ours:   l10n extract, l10n update, l10n build (one process each)
  peer:   Translate Toolkit txt2po -P → posegment → pot2po → po2txt -t
Prints wall time and peak memory (max RSS) per step and in total, and the ratio.

The articles are built from the Norwegian side of ../shared/data/parallel/ (seeded
random choice), so both tools see real Norwegian sentences. Usage:

    python bench/pipeline.py [--articles 1000] [--words 500]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "parallel"


def norwegian_sentences() -> list[str]:
    sentences = []
    for name in ("flores200-devtest.nob-eng.tsv", "tatoeba-test-v2021-08-07.nob-eng.tsv"):
        path = SHARED / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                nob = line.split("\t")[0].strip()
                if nob:
                    sentences.append(nob)
    if not sentences:
        sys.exit(f"no benchmark data in {SHARED}")
    return sentences


def make_articles(folder: Path, count: int, words: int, seed: int = 7) -> int:
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
        (folder / f"artikkel-{i:04d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return total


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and max RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def run_ours(root: Path, articles: Path) -> list[tuple[str, float, int]]:
    project = root / "ours"
    subprocess.run([sys.executable, "-m", "l10n", "init", str(project), "--target", "en"], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.copytree(articles, project / "source_articles", dirs_exist_ok=True)
    steps = [("extract", ["extract", "-q"]), ("update", ["update", "-q"]), ("build", ["build", "-q", "--format", "txt"])]
    return [(name, *timed([sys.executable, "-m", "l10n", *args], project)) for name, args in steps]


def run_peer(root: Path, articles: Path) -> list[tuple[str, float, int]]:
    peer = root / "peer"
    peer.mkdir()
    bindir = Path(shutil.which("txt2po") or "txt2po").parent
    steps = [
        ("txt2po", [str(bindir / "txt2po"), "-P", "--progress=none", "-i", str(articles), "-o", "pot"]),
        ("posegment", [str(bindir / "posegment"), "--progress=none", "--source-language=nb", "-l", "en", "-P",
                       "-i", "pot", "-o", "segpot"]),
        ("pot2po", [str(bindir / "pot2po"), "--progress=none", "-i", "segpot", "-o", "po"]),
        ("po2txt", [str(bindir / "po2txt"), "--progress=none", "-i", "po", "-t", str(articles), "-o", "out"]),
    ]
    return [(name, *timed(cmd, peer)) for name, cmd in steps]


def report(label: str, rows: list[tuple[str, float, int]]) -> tuple[float, int]:
    total = sum(r[1] for r in rows)
    peak = max(r[2] for r in rows)
    steps = ", ".join(f"{name} {sec:.2f}s/{rss}MiB" for name, sec, rss in rows)
    print(f"{label:22} total {total:7.2f} s  peak RSS {peak:4d} MiB   ({steps})")
    return total, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=500, help="words per article")
    args = parser.parse_args()
    if not shutil.which("txt2po"):
        sys.exit("Translate Toolkit is not installed: pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        words = make_articles(articles, args.articles, args.words)
        print(f"corpus: {args.articles} articles, {words} words")
        ours_t, ours_m = report("l10n", run_ours(root, articles))
        peer_t, peer_m = report("translate-toolkit", run_peer(root, articles))
        print(f"ratio (translate-toolkit / l10n): time {peer_t / ours_t:.2f}x, peak memory {peer_m / max(ours_m, 1):.2f}x")


if __name__ == "__main__":
    main()
