"""Benchmark ``l10n qa`` beside Translate Toolkit's ``pofilter`` (not a test; reads ../shared).

1. The real GNOME catalogues in /work/shared/data/po (en -> nb, so run with
   --source-lang en: the Norwegian-specific checks do not apply there).
2. A generated 20,000-entry nb -> en catalogue built from the human translations in
   /work/shared/data/parallel (FLORES-200 and Tatoeba), with errors of known kinds
   planted in about 15 % of the entries. Recall = planted entries flagged; false
   positives = clean entries flagged. Review-state checks are skipped for both tools.

Both tools run as subprocesses (interpreter start-up included), best of --repeat runs.

    python bench/qa.py [--repeat 3] [--entries 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SHARED = Path("/work/shared/data")
ROOT = Path(__file__).resolve().parent.parent
POFILTER_SKIP = ["untranslated", "isfuzzy", "isreview"]  # review state: compare content checks only
OUR_SKIP = ["untranslated", "fuzzy", "unknown-flag"]


def timed(cmd: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    return best


def run_ours(path: Path, out: Path, source_lang: str, repeat: int) -> tuple[float, set[tuple[str, str]], int]:
    cmd = [sys.executable, "-m", "l10n", "qa", str(path), "--source-lang", source_lang, "--format", "json",
           "--output", str(out), "--fail-on", "never"] + [a for s in OUR_SKIP for a in ("--skip", s)]
    seconds = timed(cmd, repeat)
    data = json.loads(out.read_text(encoding="utf-8"))
    return seconds, {(f["msgctxt"] or "", f["msgid"]) for f in data["findings"]}, len(data["summary"]["checks"])


def run_pofilter(path: Path, out: Path, repeat: int) -> tuple[float, set[tuple[str, str]], int]:
    cmd = ["pofilter", "--progress=none", "-i", str(path), "-o", str(out)] + [a for s in POFILTER_SKIP for a in ("--excludefilter", s)]
    seconds = timed(cmd, repeat)
    flagged = {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(out)) if e.msgid}
    listed = subprocess.run(["pofilter", "-l"], capture_output=True, text=True).stdout.strip().splitlines()
    return seconds, flagged, len(listed) - len(POFILTER_SKIP)


def inprocess(path: Path, out: Path, source_lang: str) -> tuple[float, float]:
    """Library time of both tools in this process (no interpreter or CLI start-up)."""
    from translate.filters import pofilter

    from l10n.qa import run_qa

    start = time.perf_counter()
    run_qa([path], source_lang=source_lang, skip=OUR_SKIP)
    ours = time.perf_counter() - start
    argv = sys.argv
    sys.argv = ["pofilter", "--progress=none", "-i", str(path), "-o", str(out)] + [a for s in POFILTER_SKIP for a in ("--excludefilter", s)]
    start = time.perf_counter()
    try:
        pofilter.main()
    except SystemExit:
        pass
    finally:
        sys.argv = argv
    return ours, time.perf_counter() - start


def check_count() -> str:
    from l10n.checks.pitfalls import pitfall_rules
    from l10n.checks.registry import CHECKS

    enabled = [c for c in CHECKS if not c.default_disabled and c.check_id not in OUR_SKIP]
    return f"{len(enabled)} checks + {len(pitfall_rules())} pitfall rules"


def entry_count(path: Path) -> int:
    return sum(1 for e in polib.pofile(str(path)) if not e.obsolete)


def gnome(repeat: int, tmp: Path) -> None:
    print("== GNOME catalogues (en -> nb, --source-lang en) ==")
    print("times in seconds: CLI = subprocess incl. start-up; lib = in-process library call")
    print(f"{'file':<28} {'entries':>7} {'l10n CLI':>8} {'pof CLI':>8} {'ratio':>6} {'l10n lib':>8} {'pof lib':>8} {'ratio':>6}"
          f" {'l10n flags':>10} {'pof flags':>9} {'both':>5}")
    tot = Counter()
    for path in sorted((SHARED / "po").glob("*.po")):
        ours_s, ours, n_ours = run_ours(path, tmp / "ours.json", "en", repeat)
        pf_s, pf, n_pf = run_pofilter(path, tmp / "pf.po", repeat)
        lib_ours, lib_pf = inprocess(path, tmp / "pf2.po", "en")
        n = entry_count(path)
        print(f"{path.name:<28} {n:>7} {ours_s:>8.2f} {pf_s:>8.2f} {ours_s / pf_s:>6.2f} {lib_ours:>8.2f} {lib_pf:>8.2f} {lib_ours / lib_pf:>6.2f}"
              f" {len(ours):>10} {len(pf):>9} {len(ours & pf):>5}")
        tot.update(entries=n, ours_s=ours_s, pf_s=pf_s, lo=lib_ours, lp=lib_pf, ours=len(ours), pf=len(pf), both=len(ours & pf))
    print(f"{'total':<28} {tot['entries']:>7} {tot['ours_s']:>8.2f} {tot['pf_s']:>8.2f} {tot['ours_s'] / tot['pf_s']:>6.2f}"
          f" {tot['lo']:>8.2f} {tot['lp']:>8.2f} {tot['lo'] / tot['lp']:>6.2f} {tot['ours']:>10} {tot['pf']:>9} {tot['both']:>5}")
    print(f"checks run: l10n {check_count()} (language-specific ones do not apply en->nb), pofilter {n_pf}\n")


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


def generated(size: int, repeat: int, tmp: Path) -> None:
    path = tmp / "generated.nb-en.po"
    planted = generate(path, size)
    print(f"== generated nb -> en catalogue: {size} entries, {len(planted)} with planted errors ==")
    ours_s, ours, n_ours = run_ours(path, tmp / "ours.json", "nb", repeat)
    pf_s, pf, n_pf = run_pofilter(path, tmp / "pf.po", repeat)
    lib_ours, lib_pf = inprocess(path, tmp / "pf2.po", "nb")
    print(f"time CLI: l10n {ours_s:.2f} s, pofilter {pf_s:.2f} s, ratio {ours_s / pf_s:.2f}; "
          f"library: l10n {lib_ours:.2f} s, pofilter {lib_pf:.2f} s, ratio {lib_ours / lib_pf:.2f}")
    print(f"checks run: l10n {check_count()}, pofilter {n_pf}")
    print(f"{'':<12} {'planted':>7} {'l10n caught':>11} {'pofilter caught':>15}")
    ours_ctx, pf_ctx = {c for c, _ in ours}, {c for c, _ in pf}
    for kind in sorted(set(planted.values())):
        ctxs = {c for c, k in planted.items() if k == kind}
        print(f"{kind:<12} {len(ctxs):>7} {len(ctxs & ours_ctx):>11} {len(ctxs & pf_ctx):>15}")
    all_planted = set(planted)
    clean = size - len(all_planted)
    print(f"{'all':<12} {len(all_planted):>7} {len(all_planted & ours_ctx):>11} {len(all_planted & pf_ctx):>15}")
    fp_ours, fp_pf = len(ours_ctx - all_planted), len(pf_ctx - all_planted)
    print(f"clean entries flagged: l10n {fp_ours}/{clean} ({fp_ours / clean:.1%}), pofilter {fp_pf}/{clean} ({fp_pf / clean:.1%})")
    print(f"overlap of flagged entries: {len(ours_ctx & pf_ctx)} both, {len(ours_ctx - pf_ctx)} only l10n, {len(pf_ctx - ours_ctx)} only pofilter")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--entries", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gnome(args.repeat, Path(tmp))
        generated(args.entries, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
