"""Are ``l10n qa``'s findings byte-identical between two versions of the code? (not a test)

A speed change to the checks must not change what they find. This runs the JSON report
of the working tree and of a git revision (default: where this branch left ``main``,
``git merge-base HEAD main``, so changes landed meanwhile by others do not count; exported
to a temporary folder with ``git archive``) on the same inputs and compares the files byte for byte:

* the generated 20,000-entry nb -> en catalogue of ``bench/qa.py`` (../shared/data),
* the GNOME catalogues (en -> nb, ``--source-lang en``),
* the repository's own project (``--project .``) and the QA test fixtures.

    python bench/qa_same.py [--base REV] [--entries 20000] [--keep DIR]

Exit status 1 when any report differs (the first differing finding is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from qa import SHARED, generate  # noqa: E402

SKIP = ["--skip", "untranslated", "--skip", "fuzzy", "--skip", "unknown-flag"]


def inputs(tmp: Path, entries: int) -> dict[str, list[str]]:
    generated = tmp / "generated.nb-en.po"
    generate(generated, entries)
    fixtures = [str(p) for p in sorted((ROOT / "tests" / "data" / "qa").glob("*.po")) if "error" not in p.name]
    return {
        "generated": [str(generated), "--source-lang", "nb", *SKIP],
        "gnome": [*map(str, sorted((SHARED / "po").glob("*.po"))), "--source-lang", "en", *SKIP],
        "repository": ["--project", str(ROOT), "--lang", "en"],
        "fixtures": [*fixtures, "--source-lang", "nb"],
    }


def report(code: Path, args: list[str], out: Path) -> None:
    """One JSON report made by the l10n package found in ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code), "L10N_WORKERS": "1"}
    cmd = [sys.executable, "-c", "import sys; from l10n.cli import main; sys.argv[0] = 'l10n'; main()",
           "qa", *args, "--format", "json", "--output", str(out), "--fail-on", "never"]
    subprocess.run(cmd, env=env, check=True, cwd=out.parent, stdout=subprocess.DEVNULL)


def first_difference(a: Path, b: Path) -> str:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    for key in ("summary", "findings", "entries"):
        x, y = left.get(key), right.get(key)
        if x != y:
            if isinstance(x, list) and isinstance(y, list):
                for i, (p, q) in enumerate(zip(x, y)):
                    if p != q:
                        return f"{key}[{i}]: {p} != {q}"
                return f"{key}: {len(x)} vs {len(y)} items"
            return f"{key} differs"
    return "whitespace or key order differs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git revision to compare with (default: git merge-base HEAD main)")
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--keep", type=Path, help="keep the reports in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(args.keep or name)
        tmp.mkdir(parents=True, exist_ok=True)
        base = tmp / "base-code"
        base.mkdir(exist_ok=True)
        rev = args.base or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, check=True,
                                          capture_output=True, text=True).stdout.strip()
        print(f"working tree vs {rev}")
        archive = subprocess.run(["git", "archive", rev, "l10n"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        different = 0
        for label, qa_args in inputs(tmp, args.entries).items():
            old, new = tmp / f"{label}.base.json", tmp / f"{label}.new.json"
            report(base, qa_args, old)
            report(ROOT, qa_args, new)
            same = old.read_bytes() == new.read_bytes()
            count = len(json.loads(new.read_text())["findings"])
            print(f"{label:<11} {count:>6} findings: {'identical' if same else 'DIFFERENT'}")
            if not same:
                different += 1
                print("   ", first_difference(old, new))
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
