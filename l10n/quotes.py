"""Quotations that run over several sentences: where they start and end, and one quotation in the build.

Norwegian marks speech with a dialogue dash that opens the paragraph and runs
until the attribution ("– Det er derfor vi kom. Lederen viser stor interesse,
sa Putin."), or with «…» over several sentences. The segmenter cuts such a
quotation into sentences and an engine, seeing each alone, quotes each one:
“That is why we came.” “The leader is showing great interest,” Putin said.

:func:`quote_roles` reads the *source* paragraph and says, per sentence,
whether it opens, continues or closes a quotation (for the MT request, so the
engine can be told), and :func:`join_quotations` uses the same roles at build
time to merge the translations' back-to-back closing and opening marks into
one quotation. The catalogue is never changed: reviewers' text stays as they
wrote it, only the built article reads as one text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .fsutil import package_data

NONE, WHOLE, START, MIDDLE, END = "", "whole", "start", "middle", "end"
ROLES = (NONE, WHOLE, START, MIDDLE, END)

_DASH_OPEN = re.compile(r"^[\s*_>]*[–—]\s")
_CLOSING_DASH = re.compile(r"\s[–—]\s")
_REPORTED = r"skal\s+\S+(?:\s+\S+)?\s+ha\s+\w+"  # ", skal Kim ha sagt"
_OPEN_MARKS, _CLOSE_MARKS = "«“", "»”"

# The translation side: a sentence closing its quotation, the next opening one.
_TRAILING_CLOSE = re.compile(r"(?<=[.!?…])[”\"»](?=\s*$)")
_LEADING_OPEN = re.compile(r"^(\s*)[“\"«„]")


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str]:
    """", sa Putin" / "? spurte hun" / ", skal Kim ha sagt": the clause that ends a dash quotation."""
    text = package_data("qa", "speech-verbs-nb.txt")
    verbs = sorted((w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")), key=len, reverse=True)
    return re.compile(rf"[,?!…]\s+(?:\S+\s+){{0,2}}?(?:(?:{'|'.join(map(re.escape, verbs))})\b|{_REPORTED})",
                      re.IGNORECASE)


def quote_roles(sentences: Sequence[str]) -> list[str]:
    """Per sentence of one paragraph (in order): NONE, WHOLE (a quotation within it), START,
    MIDDLE or END of a quotation that runs over sentence boundaries."""
    roles: list[str] = []
    dash, depth = False, 0
    last = len(sentences) - 1
    for i, text in enumerate(sentences):
        opens_dash = bool(_DASH_OPEN.match(text))
        before = depth > 0 or (dash and not opens_dash)
        dash = dash or opens_dash
        depth = max(depth + _count(text, _OPEN_MARKS) - _count(text, _CLOSE_MARKS), 0)  # clamped per sentence
        if dash and (_attribution().search(text) or _CLOSING_DASH.search(text[2:])):
            dash = False
        # a dash quotation ends with its paragraph, or where the next sentence opens a new one
        after = depth > 0 or (dash and i < last and not _DASH_OPEN.match(sentences[i + 1]))
        marked = opens_dash or any(mark in text for mark in _OPEN_MARKS + _CLOSE_MARKS)
        roles.append(MIDDLE if before and after else END if before else START if after else WHOLE if marked else NONE)
    return roles


def _count(text: str, marks: str) -> int:
    """How many of ``marks`` ``text`` holds (str.count per mark: a loop over characters was a build hot spot)."""
    return sum(text.count(mark) for mark in marks)


def joins(roles: Sequence[str]) -> list[bool]:
    """For each boundary between sentence i and i+1: does one source quotation run across it?"""
    return [a in (START, MIDDLE) and b in (MIDDLE, END) for a, b in zip(roles, roles[1:])]


def _balance(text: str) -> int:
    """Open double quotation marks left at the end of ``text`` (straight quotes by parity)."""
    curly = text.count("“") + text.count("«") - text.count("”") - text.count("»")
    return curly + text.count('"') % 2


def join_quotations(translations: Sequence[str | None], across: Sequence[bool]) -> list[str | None]:
    """Merge “A.” “B,” into “A. B,” wherever the source quotation runs across the boundary.

    ``translations[i]`` is None where the build shows something else (the source, a mark);
    nothing is joined across such a sentence, nor where the marks do not close and reopen.
    """
    out = list(translations)
    continued = False  # out[i]'s opening mark was removed: it continues the previous quotation
    for i, joined in enumerate(across):
        prev, nxt = out[i], out[i + 1]
        ok = joined and prev is not None and nxt is not None
        close = _TRAILING_CLOSE.search(prev) if ok else None  # type: ignore[arg-type]
        if close and _LEADING_OPEN.match(nxt) and (continued or _balance(prev[: close.start()]) > 0):  # type: ignore
            out[i] = prev[: close.start()] + prev[close.end():]  # type: ignore[index]
            out[i + 1] = _LEADING_OPEN.sub(r"\1", nxt, count=1)  # type: ignore[arg-type]
            continued = True
        else:
            continued = False
    return out
