"""Compare ``l10n update``'s merge with ``msgmerge --previous`` on real catalogues.

For each PO file: build a template from its msgids, edit a share of them (seeded), then
merge the original catalogue into that template with both tools and report fuzzy
matches, kept plural entries, agreement, and whether ``msgfmt --check`` passes.

    python tools/merge_vs_msgmerge.py ../shared/data/po/*.po --edit 0.05
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

from l10n.catalog import read_catalog, write_catalog
from l10n.merge import merge_catalog

WORDS = ("ny", "gammel", "valgt", "alle", "flere")


def make_template(po: polib.POFile, share: float, rng: random.Random) -> polib.POFile:
    pot = polib.POFile(wrapwidth=79)
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Project-Id-Version": "x"}
    for e in po:
        if e.obsolete:
            continue
        msgid = e.msgid
        if rng.random() < share:  # an edit: one word added, as a developer changing a string
            words = msgid.split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
            msgid = " ".join(words)
        pot.append(polib.POEntry(msgid=msgid, msgctxt=e.msgctxt, msgid_plural=e.msgid_plural,
                                 msgstr_plural={0: "", 1: ""} if e.msgid_plural else {},
                                 occurrences=e.occurrences, flags=[f for f in e.flags if f != "fuzzy"]))
    return pot


def view(po: polib.POFile) -> dict:
    return {(e.msgctxt or "", e.msgid): (e.msgstr, dict(e.msgstr_plural), e.fuzzy, e.previous_msgid or "")
            for e in po if not e.obsolete and e.msgid}


def msgfmt_ok(path: Path) -> bool:
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--edit", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    for path in args.files:
        old = read_catalog(path)
        lang = old.metadata.get("Language") or "nb"
        pot = make_template(old, args.edit, random.Random(args.seed))
        pot_path, theirs, ours = tmp / "t.pot", tmp / "theirs.po", tmp / "ours.po"
        write_catalog(pot, pot_path)
        subprocess.run(["msgmerge", "--previous", "--quiet", "-o", str(theirs), str(path), str(pot_path)], check=True)
        merged, stats = merge_catalog(pot, read_catalog(path), lang)
        write_catalog(merged, ours)
        a, b = view(read_catalog(ours)), view(polib.pofile(str(theirs)))
        plural_template = sum(1 for e in pot if e.msgid_plural)
        plural_ours = sum(1 for e in read_catalog(ours) if e.msgid_plural and not e.obsolete)
        fuzzy_new = lambda v: sum(1 for k, s in v.items() if s[2] and s[0] + "".join(s[1].values()))  # noqa: E731
        same = sum(1 for k in b if a.get(k) == b[k])
        print(f"{path.name}: {len(pot)} entries, {plural_template} plural; msgid_plural kept {plural_ours}/{plural_template}; "
              f"fuzzy with a suggestion: l10n {fuzzy_new(a)}, msgmerge {fuzzy_new(b)}; identical entries {same}/{len(b)}; "
              f"msgfmt --check: l10n {'ok' if msgfmt_ok(ours) else 'FAILS'}, msgmerge {'ok' if msgfmt_ok(theirs) else 'FAILS'}")
    sys.exit(0)


if __name__ == "__main__":
    main()
