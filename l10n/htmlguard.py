"""Markup a translator added: HTML the source does not have would be published as HTML.

A Markdown build copies a msgstr into the page as it is, so ``<img src=x onerror=…>`` typed
into Poedit would run in every reader's browser. :func:`added_markup` is the one rule: the
``added-markup`` check reports it (error) and the builder never uses such a translation.
"""

from __future__ import annotations

import re
from collections import Counter

# An HTML start or end tag, comment, processing instruction or declaration, as CommonMark
# recognises raw inline HTML (tag name first, then anything up to the closing ">").
HTML_RE = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--|![A-Za-z][^<>]*|\?.*?\?)>", re.DOTALL)
# A URL that runs script when followed: a script scheme, or a data: URL as a link target.
SCRIPT_URL_RE = re.compile(r"\b(?:javascript|vbscript):|\]\(\s*<?\s*data:", re.IGNORECASE)


def _pieces(text: str) -> Counter[str]:
    found: Counter[str] = Counter(_key(m.group(0)) for m in HTML_RE.finditer(text))
    found.update(_key(m.group(0)) for m in SCRIPT_URL_RE.finditer(text))
    return found


def _key(piece: str) -> str:
    """A tag or URL scheme compared case- and space-insensitively."""
    return re.sub(r"\s+", " ", piece.lower()) if piece.startswith("<") else re.sub(r"\s+", "", piece.lower())


def added_markup(source: str, target: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each tag or script URL in ``target`` beyond those of ``source``
    (the same tag carried over is fine)."""
    if "<" not in target and ":" not in target:
        return []
    allowed = _pieces(source)
    added = []
    for m in sorted([*HTML_RE.finditer(target), *SCRIPT_URL_RE.finditer(target)], key=lambda m: m.start()):
        key = _key(m.group(0))
        if allowed[key] > 0:
            allowed[key] -= 1
        else:
            added.append((m.start(), m.end(), m.group(0)))
    return added
