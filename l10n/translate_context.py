"""The article around each catalogue entry, for engines that translate with context.

A catalogue holds one entry per distinct sentence and no positions, so the
article is read again (the ``#:`` reference names it) and segmented exactly as
``extract`` did: that gives document order, paragraphs and the title. Without
the source file (a catalogue sent on its own) the catalogue's own order stands
in for the document order and paragraphs are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from .catalog import entry_key, iter_entries, occurrence_files
from .config import Config
from .engines.request import Example, MTRequest, TermHint
from .entrymeta import comment_label
from .errors import L10nError
from .glossary import Glossary
from .quotes import quote_roles

Key = tuple[str, str]


@dataclass
class ArticleContext:
    """Sentences of one article in document order, with the block each belongs to."""

    slug: str
    title: str = ""
    texts: list[str] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    first: dict[Key, int] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)  # block → positions, so lookups stay O(1)
    roles: dict[int, list[str]] = field(default_factory=dict)  # block → quotation role per member

    def add(self, key: Key, text: str, block: int, kind: str) -> None:
        self.first.setdefault(key, len(self.texts))
        if block >= 0:
            self.members.setdefault(block, []).append(len(self.texts))
        self.texts.append(text)
        self.blocks.append(block)
        self.kinds.append(kind)

    def neighbours(self, key: Key, n: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int, str]:
        """(before, after, paragraph, block, kind) of the first occurrence of ``key``."""
        pos = self.first.get(key)
        if pos is None:
            return (), (), (), -1, ""
        before = tuple(self.texts[max(0, pos - n):pos])
        after = tuple(self.texts[pos + 1:pos + 1 + n])
        block = self.blocks[pos]
        paragraph = tuple(self.texts[i] for i in self.members.get(block, ())) if block >= 0 else ()
        return before, after, paragraph, block, self.kinds[pos]

    def quote_role(self, key: Key) -> str:
        """Where the first occurrence of ``key`` sits in a quotation its paragraph runs over sentences."""
        pos = self.first.get(key)
        if pos is None or self.blocks[pos] < 0:
            return ""
        block = self.blocks[pos]
        members = self.members[block]
        if block not in self.roles:
            self.roles[block] = quote_roles([self.texts[i] for i in members])
        return self.roles[block][members.index(pos)]


def article_context(config: Config, slug: str, po: polib.POFile) -> ArticleContext:
    """The article behind catalogue ``po``: from its source file when found, else catalogue order."""
    source = _source_path(config, po)
    if source is not None:
        from .article import read_article  # only context engines get here: a plain run loads no segmenter
        from .extract import article_segments

        try:
            article = read_article(source)
        except (L10nError, OSError):
            article = None
        if article is not None:
            ctx = ArticleContext(slug, article.title)
            for seg in article_segments(article, config.source_language):
                ctx.add(seg.key, seg.msgid, seg.block, seg.kind)
            if ctx.texts:
                return ctx
    ctx = ArticleContext(slug)
    for entry in iter_entries(po):
        kind = comment_label(entry) or "paragraph"
        if not ctx.title and kind.startswith(("title", "heading")):
            ctx.title = entry.msgid
        ctx.add(entry_key(entry), entry.msgid, -1, kind)
    return ctx


def _source_path(config: Config, po: polib.POFile) -> Path | None:
    for entry in iter_entries(po):
        files = occurrence_files(entry)
        if files:
            path = config.root / files[0]
            return path if path.is_file() else None
    return None


def term_hints(glossary: Glossary | None, text: str) -> tuple[TermHint, ...]:
    """The glossary terms occurring in ``text``, each once, as the engine should see them."""
    if not glossary:
        return ()
    hints: dict[str, TermHint] = {}
    for match in glossary.find(text):
        term = match.term
        hints.setdefault(match.form, TermHint(match.form, term.target_for(match.form), term.forbidden,
                                              term.alternatives, term.type, term.note))
    return tuple(hints.values())


def make_request(ctx: ArticleContext, entry: polib.POEntry, text: str, rid: str, neighbours: int,
                 terms: tuple[TermHint, ...], examples: tuple[Example, ...] = ()) -> MTRequest:
    """The request record of one entry (or one chunk of a long entry)."""
    before, after, paragraph, block, kind = ctx.neighbours(entry_key(entry), neighbours)
    if not kind:
        kind = comment_label(entry) or "paragraph"
    return MTRequest(id=rid, text=text, msgctxt=entry.msgctxt or "", kind=kind,
                     article=ctx.slug, title=ctx.title, block=block, paragraph=paragraph, before=before,
                     after=after, terms=terms, examples=examples, quote=ctx.quote_role(entry_key(entry)))
