"""Held-out QA benchmark: ``l10n qa`` beside ``pofilter`` on planted MT errors (not a test).

``data/qa_heldout/clean.tsv`` holds 120 Norwegian news sentences with correct
English translations; ``planted.tsv`` gives, for some of them, a translation
with one typical MT error (kind in the second column). Both are written as PO
catalogues of reviewed (non-fuzzy) entries and checked by both tools, with and
without the small glossary in ``glossary.csv``. Recall = planted entries
flagged; false positives = clean entries flagged (warning or error; info
findings do not count). Review-state checks are off for both tools.

    python bench/qa_heldout.py [--verbose] [--set main|validation]
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


def ours(path: Path, glossary: Path | None) -> dict[str, list[str]]:
    cmd = [sys.executable, "-m", "l10n", "qa", str(path), "--format", "json", "--fail-on", "never"]
    cmd += [a for s in OUR_SKIP for a in ("--skip", s)] + (["--glossary", str(glossary)] if glossary else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    flagged: dict[str, list[str]] = {}
    for f in json.loads(out)["findings"]:
        if f["severity"] != "info":
            flagged.setdefault(f["msgid"], []).append(f["check"])
    return flagged


def pofilter(path: Path) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.po"
        cmd = ["pofilter", "--progress=none", "-i", str(path), "-o", str(out)]
        subprocess.run(cmd + [a for s in POFILTER_SKIP for a in ("--excludefilter", s)], capture_output=True, check=False)
        flagged = {}
        for e in polib.pofile(str(out)):
            if e.msgid:
                flagged[e.msgid] = [c.split(":")[0].strip() for c in (e.tcomment or "").splitlines() if c.startswith("(pofilter)")]
        return flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false positive")
    parser.add_argument("--set", choices=["main", "validation"], default="main",
                        help="validation: the second, smaller set written after the fixes (never tuned on)")
    args = parser.parse_args()
    prefix = "" if args.set == "main" else "validation-"
    source = {row[0]: (row[1], row[2]) for row in read_tsv(f"{prefix}clean.tsv")}
    planted = [(row[0], row[1], row[2]) for row in read_tsv(f"{prefix}planted.tsv")]
    kinds = Counter(kind for _, kind, _ in planted)
    with tempfile.TemporaryDirectory() as tmp:
        clean_po, bad_po = Path(tmp) / "clean.po", Path(tmp) / "planted.po"
        write_po(clean_po, list(source.values()))
        write_po(bad_po, [(source[i][0], bad) for i, _, bad in planted])
        tools = {
            "l10n qa": lambda p: ours(p, None),
            "l10n qa + glossary": lambda p: ours(p, DATA / "glossary.csv"),
            "pofilter": pofilter,
        }
        print(f"{len(source)} clean entries, {len(planted)} planted errors\n")
        print(f"{'tool':22} {'recall':>14} {'false positives':>18}")
        details = {}
        for name, run in tools.items():
            fp, caught = run(clean_po), run(bad_po)
            hit = [(i, k, b) for i, k, b in planted if source[i][0] in caught]
            print(f"{name:22} {len(hit):3}/{len(planted)} {100 * len(hit) / len(planted):5.1f} %"
                  f" {len(fp):6}/{len(source)} {100 * len(fp) / len(source):5.1f} %")
            details[name] = (fp, caught, hit)
        print("\nrecall by kind: " + "  ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        for name, (fp, caught, hit) in details.items():
            got = Counter(k for _, k, _ in hit)
            print(f"  {name:20} " + "  ".join(f"{k} {got[k]}/{n}" for k, n in sorted(kinds.items())))
        if args.verbose:
            for name, (fp, caught, hit) in details.items():
                print(f"\n== {name}")
                for msgid, checks in fp.items():
                    print(f"  FP   {','.join(sorted(set(checks)))}: {msgid}")
                for i, kind, bad in planted:
                    if source[i][0] not in caught:
                        print(f"  MISS {kind}: {bad}")


if __name__ == "__main__":
    main()
