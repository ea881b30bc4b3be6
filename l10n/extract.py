"""Articles to segments to POT templates.

The same function maps an article to its segments at extract time and at build
time, so a catalogue entry is found again by its key ``(msgctxt, msgid)``
without storing any position in the PO file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import polib

from .article import VERBATIM_KINDS, Article, Block, parse_article
from .catalog import WRAP_WIDTH, template_metadata
from .entrymeta import kind_label
from .fsutil import relative_to  # noqa: F401 - re-exported (catalogue references)
from .segment import split_sentences

HEADING_KINDS = frozenset({"meta-title", "meta-subtitle", "heading", "image-title"})


_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*(?:>[ \t]?)?")


def unwrap(text: str) -> str:
    """A sentence hard-wrapped over several lines as one line: the msgid a translator sees.

    Only the line breaks (with the indentation around them) become a single space; every
    other character stays, so the source span is still found by position, not by text.
    """
    return _LINE_BREAK.sub(" ", text) if "\n" in text else text


@dataclass(frozen=True)
class Segment:
    """One sentence of an article: ``unwrap(article.text[start:end]) == msgid``."""

    msgid: str
    msgctxt: str | None
    kind: str
    start: int
    end: int
    line: int
    block: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.msgctxt or "", self.msgid)


_QUOTE_MARKER = re.compile(r"(?<=\n)([ \t]*)>")


def _segmentable(block: Block) -> str:
    """The block text with the ``>`` of a quote's continuation lines blanked (same length),
    so the segmenter sees plain wrapped text and offsets still point into the article."""
    if block.kind != "quote" or "\n" not in block.text:
        return block.text
    return _QUOTE_MARKER.sub(lambda m: m.group(1) + " ", block.text)


def block_spans(block: Block, lang: str) -> list[tuple[int, int]]:
    """Sentence offsets inside ``block.text``, found in order (sentences are exact substrings)."""
    spans = []
    pos = 0
    text = _segmentable(block)
    for sentence in split_sentences(text, lang):
        start = text.find(sentence, pos)
        if start < 0:  # a segmenter that altered text: fall back to the whole block
            return [(0, len(block.text))]
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def article_segments(article: Article, lang: str = "nb") -> list[Segment]:
    """All segments of an article in document order, with msgctxt where a sentence recurs
    both as a heading and in running text (they may need different translations)."""
    raw = []
    for index, block in enumerate(article.blocks):
        if block.kind in VERBATIM_KINDS:
            continue
        for start, end in block_spans(block, lang):
            line = block.line + block.text.count("\n", 0, start)
            raw.append((unwrap(block.text[start:end]), block.kind, block.start + start, block.start + end, line, index))
    groups: dict[str, set[str]] = defaultdict(set)
    for text, kind, *_ in raw:
        groups[text].add(context_group(kind))
    return [
        Segment(text, context_group(kind) if len(groups[text]) > 1 else None, kind, start, end, line, index)
        for text, kind, start, end, line, index in raw
    ]


def context_group(kind: str) -> str:
    """Kinds whose sentences may need different translations: headings versus running text."""
    return "heading" if kind in HEADING_KINDS else "text"


def build_template(article: Article, segments: list[Segment], rel_path: str, project_name: str) -> polib.POFile:
    """A POT for one article: one entry per distinct key, occurrences aggregated, kind comment."""
    pot = polib.POFile(wrapwidth=WRAP_WIDTH)
    pot.header = f"Translation template for {article.slug}.\nSource: {rel_path}"
    pot.metadata = template_metadata(project_name)
    entries: dict[tuple[str, str], polib.POEntry] = {}
    for seg in segments:
        entry = entries.get(seg.key)
        if entry is None:
            entry = polib.POEntry(
                msgid=seg.msgid,
                msgctxt=seg.msgctxt,
                comment=kind_label(seg.kind),
                occurrences=[],
            )
            entries[seg.key] = entry
            pot.append(entry)
        entry.occurrences.append((rel_path, str(seg.line)))
    return pot


def markdown_blocks(text: str, lang: str = "nb", name: str = "input.md") -> list[list[tuple[int, int]]]:
    """Sentence offsets per article block of a Markdown text, exactly as ``extract`` sees them
    (front matter keys, ``#`` and list markers left out)."""
    article = parse_article(text, Path(name))
    grouped: dict[int, list[tuple[int, int]]] = {}
    for seg in article_segments(article, lang):
        grouped.setdefault(seg.block, []).append((seg.start, seg.end))
    return [grouped[i] for i in sorted(grouped)]
