"""Check and time the fast PO reader against polib's parser on catalogues we did not write.

For every ``*.po`` in ../shared/data/po (GNOME catalogues) and the repository, both
readers parse the same lines; every attribute of every entry (and of the file) must
be equal, with equal types. Then each reader parses all of them --runs times in this
process (CPU time, best run), and ``l10n.catalog.read_catalog`` (the whole read:
decoding, string checks, duplicate check) is timed beside ``polib.pofile``.

    python bench/poread.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polib  # noqa: E402

from l10n.catalog import _po_text, read_catalog  # noqa: E402
from l10n.poread import parse_lines  # noqa: E402
from measure import machine, shared_data  # noqa: E402


def polib_lines(lines: list[str]) -> polib.POFile:
    parser = polib._POFileParser("", encoding="utf-8", check_for_duplicates=False, klass=None)
    parser.fhandle = lines
    return parser.parse()


def described(po: polib.POFile) -> tuple:
    attrs = ("header", "metadata", "metadata_is_fuzzy", "encoding", "wrapwidth", "fpath")
    return ([getattr(po, a) for a in attrs],
            [[(k, v, type(v).__name__) for k, v in vars(e).items()] for e in po])


def best(fn, items, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        for item in items:
            fn(item)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    paths = sorted((shared_data() / "po").glob("*.po")) + sorted(ROOT.glob("locales/**/*.po"))
    texts = {p: _po_text(p.read_text(encoding="utf-8")) for p in paths}
    lines = {p: t.split("\n") for p, t in texts.items()}
    entries = differ = 0
    for path, ls in lines.items():
        ours, theirs = described(parse_lines(list(ls))), described(polib_lines(list(ls)))
        entries += len(theirs[1])
        if ours != theirs:
            differ += 1
            print(f"DIFFERENT: {path}")
    print(f"{len(paths)} catalogues, {entries} entries, {sum(map(len, lines.values()))} lines: "
          f"{'all identical' if not differ else f'{differ} differ'}")
    ours = best(lambda p: parse_lines(list(lines[p])), paths, args.runs)
    theirs = best(lambda p: polib_lines(list(lines[p])), paths, args.runs)
    print(f"parse only:  l10n.poread {ours:.3f} s CPU, polib's parser {theirs:.3f} s CPU: {theirs / ours:.2f}x")
    ours = best(read_catalog, paths, args.runs)
    theirs = best(lambda p: polib.pofile(str(p)), paths, args.runs)
    print(f"whole read:  l10n read_catalog {ours:.3f} s CPU, polib.pofile {theirs:.3f} s CPU: {theirs / ours:.2f}x")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
