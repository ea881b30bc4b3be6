"""An article as the desk lays it out: blocks in reading order, each with its sentences.

The blocks and sentence offsets come from :mod:`l10n.article` and
:func:`l10n.extract.article_segments` (the same ones extract and build use), so
every sentence on the page is exactly one catalogue entry. Source text becomes
HTML only through :func:`l10n.assemble.inline_html`, which escapes everything and
lets only http(s)/mailto/relative links through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from ..article import Article, Block
from ..assemble import inline_html
from ..extract import article_segments
from .desk import entry_id

LABELS = {
    "meta-title": "Title", "meta-lead": "Lead", "meta-description": "Description",
    "meta-subtitle": "Subtitle", "meta-summary": "Summary", "heading": "Heading",
    "paragraph": "", "list-item": "List item", "quote": "Quote", "image-alt": "Image alt text",
    "image-title": "Image title", "caption": "Caption", "credit": "Credit", "table-cell": "Table cell",
    "code": "Code",
}
_IMAGE_URL = re.compile(r"!\[[^\]]*\]\((?P<url>[^)\s]*)")
_ORDERED = re.compile(r"^\s*(\d{1,3})[.)]\s")


@dataclass
class Slot:
    """One sentence in place: its entry and its source as safe HTML."""

    entry: str
    source: Markup
    index: int


@dataclass
class BlockView:
    kind: str
    label: str
    level: int = 0  # heading level
    marker: str = ""  # list marker ("•" or "3.")
    image: str = ""  # the image URL, shown as text (never loaded)
    verbatim: str = ""  # code blocks: shown, not translated
    slots: list[Slot] = field(default_factory=list)

    @property
    def css(self) -> str:
        return f"b-{self.kind}" + (f" b-h{self.level}" if self.level else "")


def _line(article: Article, block: Block) -> str:
    start = article.text.rfind("\n", 0, block.start) + 1
    end = article.text.find("\n", block.start)
    return article.text[start: end if end >= 0 else len(article.text)]


def _decorate(view: BlockView, article: Article, block: Block) -> None:
    line = _line(article, block)
    if block.kind == "heading":
        hashes = len(line) - len(line.lstrip("#"))
        view.level = min(6, hashes) if hashes else 2
    elif block.kind == "meta-title":
        view.level = 1
    elif block.kind == "list-item":
        m = _ORDERED.match(line)
        view.marker = f"{m.group(1)}." if m else "•"
    elif block.kind in ("image-alt", "image-title"):
        m = _IMAGE_URL.search(line)
        view.image = m.group("url") if m else ""


def article_layout(article: Article, source_lang: str) -> list[BlockView]:
    """The article's blocks with their sentences, in the order a reader meets them."""
    by_block: dict[int, list] = {}
    for seg in article_segments(article, source_lang):
        by_block.setdefault(seg.block, []).append(seg)
    views = []
    counter = 0
    for index, block in enumerate(article.blocks):
        view = BlockView(block.kind, LABELS.get(block.kind, block.kind.replace("-", " ").capitalize()))
        _decorate(view, article, block)
        if block.kind == "code":
            view.verbatim = block.text
        for seg in by_block.get(index, []):
            view.slots.append(Slot(entry_id(seg.key), Markup(inline_html(article.text[seg.start:seg.end])), counter))
            counter += 1
        if view.slots or view.verbatim:
            views.append(view)
    return views
