"""Benchmark ``l10n qa`` beside Translate Toolkit's ``pofilter`` (not a test; reads ../shared/data).

1. The real GNOME catalogues in ../shared/data/po (en -> nb, so run with
   --source-lang en: the Norwegian-specific checks do not apply there), all four
   files in one invocation of each tool.
2. A generated 20,000-entry nb -> en catalogue built from the human translations in
   ../shared/data/parallel (FLORES-200 and Tatoeba), with errors of known kinds
   planted in about 15 % of the entries. Recall = planted entries flagged, per kind
   and as a mix-neutral figure (the mean of the per-kind recalls: the planted mix
   leans on leftover words, a kind pofilter has no lexicon for); false positives =
   clean entries flagged. Review-state checks are skipped for both tools.

Both tools run as subprocesses (interpreter start-up included), --runs rounds,
interleaved, on all cores (l10n splits a large catalogue over worker processes)
and pinned to one core (bench/measure.py): wall, CPU of all processes, whole-tree
peak memory as median [min–max], and the ratios.

    python bench/qa.py [--runs 3] [--entries 20000]   # --entries 5551: each pair once, no repeats
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import machine, measure_command, side_by_side, shared_data  # noqa: E402

SHARED = shared_data()
POFILTER_SKIP = ["untranslated", "isfuzzy", "isreview"]  # review state: compare content checks only
OUR_SKIP = ["untranslated", "fuzzy", "unknown-flag"]


def ours_cmd(paths: list[Path], out: Path, source_lang: str) -> list[str]:
    return [sys.executable, "-m", "l10n", "qa", *map(str, paths), "--source-lang", source_lang, "--format", "json",
            "--output", str(out), "--fail-on", "never"] + [a for s in OUR_SKIP for a in ("--skip", s)]


def pofilter_cmd(src: Path, out: Path) -> list[str]:
    exe = shutil.which("pofilter") or "pofilter"
    return [exe, "--progress=none", "-i", str(src), "-o", str(out)] + \
        [a for s in POFILTER_SKIP for a in ("--excludefilter", s)]


def our_flags(out: Path) -> set[tuple[str, str, str]]:
    data = json.loads(out.read_text(encoding="utf-8"))
    return {(Path(f["path"]).name, f["msgctxt"] or "", f["msgid"]) for f in data["findings"]}


def pofilter_flags(out: Path) -> set[tuple[str, str, str]]:
    files = sorted(out.glob("*.po")) if out.is_dir() else [out]
    return {(path.name, e.msgctxt or "", e.msgid) for path in files for e in polib.pofile(str(path)) if e.msgid}


def pofilter_check_count() -> int:
    listed = subprocess.run(["pofilter", "-l"], capture_output=True, text=True).stdout.strip().splitlines()
    return len(listed) - len(POFILTER_SKIP)


def run_pair(paths: list[Path], source_lang: str, tmp: Path, runs: int, pofilter_input: Path):
    """Interleaved runs of both tools; returns the comparison and each tool's flagged entries."""
    ours_out, pf_out = tmp / "ours.json", tmp / "pofilter-out"

    def ours(one_core: bool):
        return measure_command(ours_cmd(paths, ours_out, source_lang), cwd=ROOT, one_core=one_core)

    def peer(one_core: bool):
        shutil.rmtree(pf_out, ignore_errors=True)
        if pofilter_input.is_dir():
            pf_out.mkdir()
        return measure_command(pofilter_cmd(pofilter_input, pf_out if pofilter_input.is_dir() else
                                            pf_out.with_suffix(".po")), cwd=ROOT, one_core=one_core,
                               check=False)

    result = side_by_side(ours, peer, runs=runs)
    flagged_pf = pofilter_flags(pf_out if pofilter_input.is_dir() else pf_out.with_suffix(".po"))
    return result, our_flags(ours_out), flagged_pf


def check_count() -> str:
    from l10n.checks.pitfalls import pitfall_rules
    from l10n.checks.registry import CHECKS

    enabled = [c for c in CHECKS if not c.default_disabled and c.check_id not in OUR_SKIP]
    return f"{len(enabled)} checks + {len(pitfall_rules())} pitfall rules"


def entry_count(path: Path) -> int:
    return sum(1 for e in polib.pofile(str(path)) if not e.obsolete)


def gnome(runs: int, tmp: Path) -> None:
    paths = sorted((SHARED / "po").glob("*.po"))
    folder = tmp / "gnome"
    folder.mkdir()
    for path in paths:
        shutil.copy(path, folder / path.name)
    copies = sorted(folder.glob("*.po"))
    entries = sum(entry_count(p) for p in copies)
    print(f"== GNOME catalogues (en -> nb, --source-lang en): {len(copies)} files, {entries} entries, "
          f"one invocation per tool; {runs} runs per tool and mode, interleaved ==")
    result, ours, pf = run_pair(copies, "en", tmp, runs, folder)
    print(result.report("l10n qa", "pofilter"))
    for path in copies:
        mine = {k for k in ours if k[0] == path.name}
        theirs = {k for k in pf if k[0] == path.name}
        print(f"  {path.name:<28} {entry_count(path):>6} entries: flagged l10n {len(mine):>5}, "
              f"pofilter {len(theirs):>5}, both {len(mine & theirs):>5}")
    print(f"checks run: l10n {check_count()} (language-specific ones do not apply en->nb), "
          f"pofilter {pofilter_check_count()}\n")


# --- generated nb -> en catalogue with planted errors ---------------------------------

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"]
NEG = re.compile(r"\b(?:not |never |no longer )|n't\b")


def load_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in ("flores200-devtest.nob-eng.tsv", "tatoeba-test-v2021-08-07.nob-eng.tsv"):
        lines = (SHARED / "parallel" / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) == len(header):
                pairs.append((cells[header.index("nob")], cells[header.index("eng")]))
    return pairs


def _number(src: str, tgt: str, rng: random.Random) -> str | None:
    nums = list(re.finditer(r"\d+", tgt))
    if not nums:
        return None
    m = rng.choice(nums)
    return tgt[: m.start()] + str(int(m.group()) + rng.choice([1, 9, 10])) + tgt[m.end():]


def _calendar(src: str, tgt: str, rng: random.Random) -> str | None:
    for names in (WEEKDAYS, MONTHS):
        for name in names:
            if re.search(rf"\b{name}\b", tgt):
                other = rng.choice([n for n in names if n != name])
                return re.sub(rf"\b{name}\b", other, tgt, count=1)
    return None


def _negation(src: str, tgt: str, rng: random.Random) -> str | None:
    if not re.search(r"\b(?:ikke|aldri)\b", src) or not NEG.search(tgt):
        return None
    return NEG.sub(lambda m: "" if m.group().endswith(" ") else "", tgt, count=1)


def _name(src: str, tgt: str, rng: random.Random) -> str | None:
    names = [m for m in re.finditer(r"(?<=\s)[A-Z][a-z]{4,}\b", tgt) if m.group() in src]
    if not names:
        return None
    m = rng.choice(names)
    w = m.group()
    bad = w[:2] + w[3] + w[2] + w[4:-1] + rng.choice("aeo")
    return tgt[: m.start()] + bad + tgt[m.end():]


def _leftover(src: str, tgt: str, rng: random.Random) -> str | None:
    src_words = [w for w in re.findall(r"\b[a-zæøå]{6,}\b", src) if w not in tgt]
    tgt_words = list(re.finditer(r"\b[a-z]{6,}\b", tgt))
    if not src_words or not tgt_words:
        return None
    m = rng.choice(tgt_words)
    return tgt[: m.start()] + rng.choice(src_words) + tgt[m.end():]


def _question(src: str, tgt: str, rng: random.Random) -> str | None:
    return tgt[:-1] + "." if src.endswith("?") and tgt.endswith("?") else None


def _truncate(src: str, tgt: str, rng: random.Random) -> str | None:
    return tgt[: len(tgt) * 2 // 5].rstrip() + "." if len(src) >= 60 else None


def _repeat(src: str, tgt: str, rng: random.Random) -> str | None:
    return re.sub(r"\bthe\b", "the the", tgt, count=1) if re.search(r"\bthe\b", tgt) else None


PLANTERS = {"number": _number, "calendar": _calendar, "negation": _negation, "name": _name,
            "leftover": _leftover, "question": _question, "truncated": _truncate, "repeated": _repeat}


def generate(path: Path, size: int, seed: int = 6) -> dict[str, str]:
    """Write the catalogue; return msgctxt -> planted error kind."""
    rng = random.Random(seed)
    pairs = load_pairs()
    po = polib.POFile()
    po.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    planted: dict[str, str] = {}
    for i in range(size):
        src, tgt = pairs[i % len(pairs)]
        ctx = f"e{i}"
        if rng.random() < 0.15:
            for kind in rng.sample(list(PLANTERS), len(PLANTERS)):
                bad = PLANTERS[kind](src, tgt, rng)
                if bad and bad != tgt:
                    tgt, planted[ctx] = bad, kind
                    break
        po.append(polib.POEntry(msgctxt=ctx, msgid=src, msgstr=tgt, occurrences=[(f"source_articles/a{i // 40}.md", str(i % 40 + 1))]))
    po.save(str(path))
    return planted


def generated(size: int, runs: int, tmp: Path) -> None:
    path = tmp / "generated.nb-en.po"
    planted = generate(path, size)
    distinct = len({(e.msgid, e.msgstr) for e in polib.pofile(str(path))})
    print(f"== generated nb -> en catalogue: {size} entries ({distinct} distinct source/target pairs: the "
          f"{len(load_pairs())} pairs repeat), {len(planted)} with planted errors; {runs} runs per tool and mode, "
          f"interleaved ==")
    result, ours, pf = run_pair([path], "nb", tmp, runs, path)
    print(result.report("l10n qa", "pofilter"))
    print(f"checks run: l10n {check_count()}, pofilter {pofilter_check_count()}")
    print(f"{'kind':<12} {'planted':>7} {'l10n caught':>14} {'pofilter caught':>16}")
    ours_ctx, pf_ctx = {c for _, c, _ in ours}, {c for _, c, _ in pf}
    recall_ours, recall_pf = [], []
    for kind in sorted(set(planted.values())):
        ctxs = {c for c, k in planted.items() if k == kind}
        a, b = len(ctxs & ours_ctx) / len(ctxs), len(ctxs & pf_ctx) / len(ctxs)
        recall_ours.append(a)
        recall_pf.append(b)
        print(f"{kind:<12} {len(ctxs):>7} {len(ctxs & ours_ctx):>7} {a:>6.1%} {len(ctxs & pf_ctx):>8} {b:>6.1%}")
    all_planted = set(planted)
    clean = size - len(all_planted)
    caught_ours, caught_pf = len(all_planted & ours_ctx), len(all_planted & pf_ctx)
    print(f"{'all (mix)':<12} {len(all_planted):>7} {caught_ours:>7} {caught_ours / len(all_planted):>6.1%} "
          f"{caught_pf:>8} {caught_pf / len(all_planted):>6.1%}")
    print(f"{'mix-neutral':<12} {'':>7} {'':>7} {sum(recall_ours) / len(recall_ours):>6.1%} {'':>8} "
          f"{sum(recall_pf) / len(recall_pf):>6.1%}   (mean of the {len(recall_ours)} per-kind recalls)")
    fp_ours, fp_pf = len(ours_ctx - all_planted), len(pf_ctx - all_planted)
    print(f"clean entries flagged: l10n {fp_ours}/{clean} ({fp_ours / clean:.1%}), "
          f"pofilter {fp_pf}/{clean} ({fp_pf / clean:.1%})")
    print(f"overlap of flagged entries: {len(ours_ctx & pf_ctx)} both, {len(ours_ctx - pf_ctx)} only l10n, "
          f"{len(pf_ctx - ours_ctx)} only pofilter")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and mode")
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--skip-gnome", action="store_true")
    args = parser.parse_args()
    if not shutil.which("pofilter"):
        sys.exit("Translate Toolkit is not installed: pip install -e '.[bench]'")
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_gnome:
            gnome(args.runs, Path(tmp))
        generated(args.entries, args.runs, Path(tmp))


if __name__ == "__main__":
    main()
