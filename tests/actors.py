"""Real processes that work on one project at once, for the race and fault-injection tests.

Run as ``python tests/actors.py ROLE PROJECT [ARGS]``. Each role is what a person or a
tool does to a catalogue: review (the library ReviewSession, accepting or editing),
translate (translate_project against a loopback engine), a Poedit-style save (no lock,
atomic rename), update after an article edit, ``l10n tm update``. Review-like roles
append each saved decision as a JSON line to a log, so the test can check that none
was lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import time
import zlib
from pathlib import Path

import polib


def _share(msgid: str, role: str) -> bool:
    """Reviewer and Poedit user decide disjoint halves of the entries (so the log has one
    decision per entry and 'lost' has one meaning)."""
    return zlib.crc32(msgid.encode("utf-8")) % 2 == (0 if role == "review" else 1)


def _log(log: Path, path: Path, msgctxt: str, msgid: str, text: str, was: str = "") -> None:
    """One saved decision; ``was`` is the entry's previous msgid (``#|``): the decision it replaces."""
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"path": str(path), "msgctxt": msgctxt, "msgid": msgid, "text": text, "was": was}) + "\n")


def review(project: Path, seed: int, log: Path, limit: int = 8) -> None:
    from l10n.config import load_config
    from l10n.review import ACCEPT, EDIT, Decision, ReviewSession

    rng = random.Random(seed)
    session = ReviewSession.from_project(load_config(project), reviewer="tester")
    done = 0
    for item in session.pending():
        view = session.view(item)
        if view is None or not view.fuzzy or not view.target or not _share(view.source, "review"):
            continue
        if rng.random() < 0.5:
            decision, text = Decision(ACCEPT), view.target
        else:
            text = f"Reviewed {seed}: {view.source}"
            decision = Decision(EDIT, text)
        if session.apply(item, decision) is None:
            _log(log, item.path, item.key[0], item.key[1], text, view.previous_source)
            done += 1
        time.sleep(rng.random() * 0.05)
        if done >= limit:
            break


def poedit(project: Path, seed: int, log: Path, limit: int = 3) -> None:
    """Edit some fuzzy entries the way an editor saves: no lock, whole file, rename."""
    rng = random.Random(seed)
    for path in sorted((project / "locales").rglob("*.po")):
        for _ in range(20):  # an editor reloads when the file changed under it
            data = path.read_bytes()
            po = polib.pofile(data.decode("utf-8"))
            chosen = [e for e in po if not e.obsolete and e.fuzzy and e.msgstr and _share(e.msgid, "poedit")]
            chosen = rng.sample(chosen, min(limit, len(chosen)))
            was = {id(e): e.previous_msgid or "" for e in chosen}
            for entry in chosen:
                entry.msgstr = f"Poedit {seed}: {entry.msgid}"
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgctxt = None
                entry.tcomment = "reviewed-by: poedit"
            time.sleep(rng.random() * 0.02)  # the editor's own save time
            if hashlib.sha256(path.read_bytes()).digest() != hashlib.sha256(data).digest():
                continue
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".poedit")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(str(po))
            os.replace(tmp, path)
            for entry in chosen:
                _log(log, path, entry.msgctxt or "", entry.msgid, entry.msgstr, was[id(entry)])
            break


def translate(project: Path, url: str, wait: str = "wait") -> None:
    from l10n.config import load_config
    from l10n.translate import translate_project

    summary = translate_project(load_config(project), engine="libre", engine_url=url, workers=2,
                                flush_every=1, flush_interval=0.0, cache_path=False, wait=wait == "wait")
    print(json.dumps({"translated": summary.translated, "requests": summary.requests}))


def edit_article(project: Path, seed: int) -> None:
    """Change one sentence and add one, as an editor updating a story does."""
    rng = random.Random(seed)
    path = next((project / "source_articles").glob("*.md"))
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [i for i, line in enumerate(lines) if line.strip() and not line.startswith(("#", "-", "title", "---"))]
    i = rng.choice(body)
    lines[i] = lines[i].rstrip(".") + f" i dag {seed}."
    for n in range(4):
        lines += ["", f"Nytt avsnitt nummer {seed}-{n} om saken i kveld."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update_after_edit(project: Path, seed: int) -> None:
    from l10n.config import load_config
    from l10n.project import extract_project, update_project

    edit_article(project, seed)
    config = load_config(project)
    extract_project(config)
    update_project(config)


def cli(project: Path, *args: str) -> None:
    from l10n.cli import main

    sys.argv = ["l10n", *args, "--project", str(project)]
    main()


ROLES = {"review": lambda p, seed, log: review(p, int(seed), Path(log)),
         "poedit": lambda p, seed, log: poedit(p, int(seed), Path(log)),
         "translate": lambda p, url, wait="wait": translate(p, url, wait),
         "edit-article": lambda p, seed: edit_article(p, int(seed)),
         "update-after-edit": lambda p, seed: update_after_edit(p, int(seed)),
         "cli": cli}

if __name__ == "__main__":
    ROLES[sys.argv[1]](Path(sys.argv[2]), *sys.argv[3:])
