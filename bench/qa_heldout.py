"""Held-out QA benchmark: ``l10n qa`` beside ``pofilter`` on planted MT errors (not a test).

``data/qa_heldout/clean.tsv`` holds 120 Norwegian news sentences with correct
English translations; ``planted.tsv`` gives, for some of them, a translation
with one typical MT error (kind in the second column). Both are written as PO
catalogues of reviewed (non-fuzzy) entries and checked by both tools, with and
without the small glossary in ``glossary.csv``. Recall = planted entries
flagged; false positives = clean entries flagged (warning or error; info
findings do not count). Review-state checks are off for both tools.

Two sets: ``validation`` (25 clean + 24 planted, written after the QA fixes and
never tuned on) is the HEADLINE; ``main`` (120 + 73) was written together with
the QA fixes, so its recall is optimistic. Both are scored by default.

Time: both tools run as subprocesses on the planted catalogue of the headline set,
--runs rounds, interleaved, on all cores and pinned to one core (bench/measure.py).

    python bench/qa_heldout.py [--verbose] [--set validation|main|both] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import machine, measure_command, side_by_side  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "qa_heldout"
POFILTER_SKIP = ["untranslated", "isfuzzy", "isreview"]
OUR_SKIP = ["untranslated", "fuzzy", "unknown-flag"]


def read_tsv(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def write_po(path: Path, pairs: list[tuple[str, str]]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en", "MIME-Version": "1.0",
                   "Content-Transfer-Encoding": "8bit"}
    for i, (src, tgt) in enumerate(pairs, start=1):
        po.append(polib.POEntry(msgid=src, msgstr=tgt, occurrences=[("heldout.md", str(i))]))
    po.save(str(path))


def ours_cmd(path: Path, glossary: Path | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "l10n", "qa", str(path), "--format", "json", "--fail-on", "never"]
    return cmd + [a for s in OUR_SKIP for a in ("--skip", s)] + (["--glossary", str(glossary)] if glossary else [])


def pofilter_cmd(path: Path, out: Path) -> list[str]:
    cmd = ["pofilter", "--progress=none", "-i", str(path), "-o", str(out)]
    return cmd + [a for s in POFILTER_SKIP for a in ("--excludefilter", s)]


def ours(path: Path, glossary: Path | None) -> dict[str, list[str]]:
    out = subprocess.run(ours_cmd(path, glossary), capture_output=True, text=True, check=True).stdout
    flagged: dict[str, list[str]] = {}
    for f in json.loads(out)["findings"]:
        if f["severity"] != "info":
            flagged.setdefault(f["msgid"], []).append(f["check"])
    return flagged


def pofilter(path: Path) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.po"
        subprocess.run(pofilter_cmd(path, out), capture_output=True, check=False)
        flagged = {}
        for e in polib.pofile(str(out)):
            if e.msgid:
                flagged[e.msgid] = [c.split(":")[0].strip() for c in (e.tcomment or "").splitlines() if c.startswith("(pofilter)")]
        return flagged


def score_set(name: str, verbose: bool) -> None:
    """Recall and false positives of every tool on one set."""
    prefix = "" if name == "main" else "validation-"
    source = {row[0]: (row[1], row[2]) for row in read_tsv(f"{prefix}clean.tsv")}
    planted = [(row[0], row[1], row[2]) for row in read_tsv(f"{prefix}planted.tsv")]
    kinds = Counter(kind for _, kind, _ in planted)
    title = {"validation": "validation set (never tuned on: the headline)",
             "main": "main set (written together with the QA fixes: optimistic)"}[name]
    with tempfile.TemporaryDirectory() as tmp:
        clean_po, bad_po = Path(tmp) / "clean.po", Path(tmp) / "planted.po"
        write_po(clean_po, list(source.values()))
        write_po(bad_po, [(source[i][0], bad) for i, _, bad in planted])
        tools = {
            "l10n qa": lambda p: ours(p, None),
            "l10n qa + glossary": lambda p: ours(p, DATA / "glossary.csv"),
            "pofilter": pofilter,
        }
        print(f"== {title}: {len(source)} clean entries, {len(planted)} planted errors")
        print(f"{'tool':22} {'recall':>14} {'false positives':>18}")
        details = {}
        for label, run in tools.items():
            fp, caught = run(clean_po), run(bad_po)
            hit = [(i, k, b) for i, k, b in planted if source[i][0] in caught]
            print(f"{label:22} {len(hit):3}/{len(planted)} {100 * len(hit) / len(planted):5.1f} %"
                  f" {len(fp):6}/{len(source)} {100 * len(fp) / len(source):5.1f} %")
            details[label] = (fp, caught, hit)
        print("recall by kind: " + "  ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        for label, (fp, caught, hit) in details.items():
            got = Counter(k for _, k, _ in hit)
            print(f"  {label:20} " + "  ".join(f"{k} {got[k]}/{n}" for k, n in sorted(kinds.items())))
        if verbose:
            for label, (fp, caught, hit) in details.items():
                print(f"\n== {label}")
                for msgid, checks in fp.items():
                    print(f"  FP   {','.join(sorted(set(checks)))}: {msgid}")
                for i, kind, bad in planted:
                    if source[i][0] not in caught:
                        print(f"  MISS {kind}: {bad}")
        print()


def timing(runs: int) -> None:
    """Wall, CPU and tree memory of both tools on the headline set's planted catalogue."""
    source = {row[0]: (row[1], row[2]) for row in read_tsv("validation-clean.tsv")}
    planted = [(row[0], row[2]) for row in read_tsv("validation-planted.tsv")]
    with tempfile.TemporaryDirectory() as tmp:
        bad_po = Path(tmp) / "planted.po"
        write_po(bad_po, [(source[i][0], bad) for i, bad in planted])
        result = side_by_side(
            lambda one: measure_command(ours_cmd(bad_po), one_core=one),
            lambda one: measure_command(pofilter_cmd(bad_po, Path(tmp) / "out.po"), one_core=one, check=False),
            runs=runs)
    print(f"== time on the validation planted catalogue ({len(planted)} entries; start-up dominates); "
          f"{runs} runs per tool and mode, interleaved")
    print(result.report("l10n qa", "pofilter"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false positive")
    parser.add_argument("--set", choices=["validation", "main", "both"], default="both",
                        help="validation: the set written after the fixes (never tuned on; the headline)")
    parser.add_argument("--runs", type=int, default=3, help="timing runs per tool and mode (0: no timing)")
    args = parser.parse_args()
    print(machine())
    for name in (["validation", "main"] if args.set == "both" else [args.set]):
        score_set(name, args.verbose)
    if args.runs:
        timing(args.runs)


if __name__ == "__main__":
    main()
