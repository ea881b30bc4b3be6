"""Sentence segmentation (placeholder until the rule-based segmenter lands)."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«–])")


def split_sentences(text: str, lang: str = "nb") -> list[str]:
    """Split ``text`` into sentences, each an exact substring of ``text``."""
    parts = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        parts.append(text[pos : m.start()])
        pos = m.end()
    parts.append(text[pos:])
    return [p for p in parts if p.strip()]
