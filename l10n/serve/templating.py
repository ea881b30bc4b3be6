"""Jinja2 filters for the desk's templates: how states and provenance lines read."""

from __future__ import annotations

import re

from jinja2 import Environment

STATE_LABELS = {"reviewed": "Reviewed", "fuzzy": "To review", "untranslated": "Untranslated"}
_MT = re.compile(r"^mt:\s*(?P<engine>\S+)\s*(?P<date>\S*)")
_TM = re.compile(r"^tm:\s*(?P<score>\d+)%\s*(?:from\s+(?P<origin>.*))?")


def provenance_label(line: str) -> str:
    """``mt: deepl 2026-11-27`` → ``Machine translation: deepl, 2026-11-27``; ``tm: 86% from x.po`` →
    ``Translation memory: 86% match from x.po``; other lines as they are."""
    m = _MT.match(line)
    if m:
        return f"Machine translation: {m.group('engine')}" + (f", {m.group('date')}" if m.group("date") else "")
    m = _TM.match(line)
    if m:
        return f"Translation memory: {m.group('score')}% match" + (f" from {m.group('origin')}" if m.group("origin") else "")
    if line.startswith("patched:"):
        return "Patched: " + line[8:].strip()
    if line.startswith("protect:"):
        return "Term protection: " + line[8:].strip()
    return line


def short_provenance(lines: list[str]) -> str:
    """One compact tag for a card: ``MT dummy · 2026-12-01`` or ``TM 86%``."""
    for line in lines:
        m = _MT.match(line)
        if m:
            return f"MT {m.group('engine')}" + (f" · {m.group('date')}" if m.group("date") else "")
        m = _TM.match(line)
        if m:
            return f"TM {m.group('score')}%"
    return ""


def register_filters(env: Environment) -> None:
    env.filters["state_label"] = lambda state: STATE_LABELS.get(state, state)
    env.filters["provenance"] = provenance_label
    env.filters["short_provenance"] = short_provenance
