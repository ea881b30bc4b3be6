"""Reassemble translated articles from a source article and its catalogue.

Translations replace the source sentences inside the article's own text, so the
block structure, Markdown markers, URLs and the whitespace between sentences
come through untouched. With an untranslated catalogue and the ``source``
fallback, Markdown output is the source file byte for byte. A quotation the
source runs over several sentences builds as one (:mod:`l10n.quotes`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import polib

from .article import LINK_URL, Article, Block
from .entrymeta import is_fuzzy
from .extract import Segment, article_segments
from .htmlguard import added_markup
from .quotes import join_quotations, joins, quote_roles
from .results import BuildStats  # noqa: F401 - part of this module's interface

FORMATS = ("md", "html", "txt")
# A line break a translator typed into a msgstr (Poedit allows it): inside a heading,
# list item or front-matter value it would end the block, so it becomes a space.
_TYPED_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
FALLBACKS = ("source", "mark", "none")


@dataclass
class Rendered:
    """Per block: the translated text; per article: what was used."""

    blocks: list[str] = field(default_factory=list)
    stats: BuildStats = field(default_factory=BuildStats)


def _translation(entry: polib.POEntry | None, include_fuzzy: bool, stats: BuildStats) -> str | None:
    if entry is None or not entry.msgstr:
        stats.missing += 1
        return None
    if added_markup(entry.msgid, entry.msgstr):  # never publish HTML a translator added
        stats.refused += 1
        return None
    if is_fuzzy(entry):
        stats.fuzzy += 1
        if not include_fuzzy:
            return None
        stats.fuzzy_used += 1
    else:
        stats.translated += 1
    return entry.msgstr if "\n" in entry.msgid else _TYPED_BREAK.sub(" ", entry.msgstr)


def _fallback(text: str, fallback: str, source_lang: str, fmt: str) -> str:
    if fallback == "source":  # in HTML, in an element that says its language (the page is lang=target),
        # unless the sentence is half of an emphasis or code span (the element would cross its tags)
        return f"\x00span {source_lang}\x01{text}\x00/span\x01" if fmt == "html" and _balanced(text) else text
    if fallback == "mark":  # a <mark> must not cross an emphasis span's tags either: text form then
        html_mark = fmt == "html" and _balanced(text)
        return f"\x00mark {source_lang}\x01{text}\x00/mark\x01" if html_mark else f"[{source_lang}: {text}]"
    return ""


def _balanced(text: str) -> bool:
    """True when a sentence holds whole inline spans (``*…*``, ``**…**``, `` `…` ``, ``[…]``)."""
    return text.count("*") % 2 == 0 and text.count("`") % 2 == 0 and text.count("[") == text.count("]")


def render_blocks(
    article: Article,
    po: polib.POFile | None,
    *,
    source_lang: str = "nb",
    include_fuzzy: bool = False,
    fallback: str = "source",
    fmt: str = "md",
    segments: list[Segment] | None = None,
) -> Rendered:
    """Translate every block of ``article`` sentence by sentence, keeping inter-sentence text.

    ``segments``: the article's segments when the caller has them (extract made them).
    """
    index = {(e.msgctxt or "", e.msgid): e for e in (po or []) if not e.obsolete}
    if segments is None:
        segments = article_segments(article, source_lang)
    by_block: dict[int, list[Segment]] = {}
    for seg in segments:
        by_block.setdefault(seg.block, []).append(seg)
    result = Rendered()
    for i, block in enumerate(article.blocks):
        result.blocks.append(_render_block(block, by_block.get(i, []), index, result.stats,
                                           include_fuzzy, fallback, source_lang, fmt))
    return result


def _render_block(block: Block, segs: list[Segment], index: dict, stats: BuildStats,
                  include_fuzzy: bool, fallback: str, source_lang: str, fmt: str) -> str:
    out = []
    pos = block.start
    texts = _joined_translations(block, segs, [_translation(index.get(s.key), include_fuzzy, stats) for s in segs])
    for seg, text in zip(segs, texts):
        gap = block.text[pos - block.start : seg.start - block.start]
        if text is None:
            text = _fallback(block.text[seg.start - block.start : seg.end - block.start], fallback, source_lang, fmt)
            stats.in_source += fallback != "none"
        if text == "" and fallback == "none":
            gap = gap if out else ""
        out.append(gap + text)
        pos = seg.end
    out.append(block.text[pos - block.start :])
    return "".join(out).strip() if fallback == "none" else "".join(out)


def _joined_translations(block: Block, segs: list[Segment], texts: list[str | None]) -> list[str | None]:
    """One quotation where the source's runs over several sentences (“A.” “B,” → “A. B,”)."""
    if not any(a is not None and b is not None for a, b in zip(texts, texts[1:])):
        return texts  # no two translated neighbours: nothing can be joined (an untranslated catalogue)
    sources = [block.text[s.start - block.start : s.end - block.start] for s in segs]
    gaps = [block.text[a.end - block.start : b.start - block.start] for a, b in zip(segs, segs[1:])]
    across = [runs and not gap.strip() for runs, gap in zip(joins(quote_roles(sources)), gaps)]
    return join_quotations(texts, across)


def assemble_markdown(article: Article, rendered: Rendered) -> str:
    """The source text with every block span replaced by its translation."""
    out = []
    pos = 0
    for block, text in zip(article.blocks, rendered.blocks):
        out.append(article.text[pos : block.start])
        if block.kind.startswith("meta-") and text != block.text:
            text = _yaml_value(text, article.text[block.start - 1 : block.start])
        out.append(text)
        pos = block.end
    out.append(article.text[pos:])
    return "".join(out)


# A plain YAML scalar may not start with an indicator or hold ": " / " #" ("Storm: veier
# stengt" would be a mapping, "[nb: …]" a list).
_YAML_UNSAFE = re.compile(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|:\s|\s#|:$|\s$""")


def _yaml_value(text: str, quote: str) -> str:
    """A translated front-matter value that stays one YAML string inside the source's quotes."""
    if quote == '"':
        return text.replace("\\", "\\\\").replace('"', '\\"')
    if quote == "'":
        return text.replace("'", "''")
    if _YAML_UNSAFE.search(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


# --- inline Markdown to text/HTML -------------------------------------------------

_INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    # Link text may hold balanced brackets, as CommonMark allows: [Rapport [PDF]](url).
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\[\]]*\])+)\]\((?P<url>" + LINK_URL + r")(?:\s+\"[^\"]*\")?\))"
    r"|(?P<strong>\*\*(?P<stext>[^*]+)\*\*)"
    r"|(?P<em>(?<![\w*])\*(?P<etext>[^*\s][^*]*)\*(?![\w*]))"
)


def inline_html(text: str) -> str:
    """Escape text and turn Markdown links, emphasis and code into HTML."""
    out = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(_escape_marks(text[pos : m.start()]))
        if m.group("code"):
            out.append(f"<code>{html.escape(m.group('code')[1:-1])}</code>")
        elif m.group("link"):
            url = m.group("url")
            url = url[1:-1] if url.startswith("<") and url.endswith(">") else url
            safe = url if re.match(r"^(https?:|mailto:|/|#|\.)", url) else "#"
            out.append(f'<a href="{html.escape(safe, quote=True)}">{inline_html(m.group("ltext"))}</a>')
        elif m.group("strong"):
            out.append(f"<strong>{inline_html(m.group('stext'))}</strong>")
        else:
            out.append(f"<em>{inline_html(m.group('etext'))}</em>")
        pos = m.end()
    out.append(_escape_marks(text[pos:]))
    return "".join(out)


_MARK = re.compile("\x00(mark|span) ([^\x01]*)\x01")
_MARK_END = re.compile("\x00/(mark|span)\x01")


def _escape_marks(text: str) -> str:
    """Escape text; turn fallback markers into ``<mark lang=…>`` (``mark``) or ``<span lang=…>``
    (``source``) around untranslated source."""
    escaped = html.escape(text, quote=False)

    def start(m: re.Match[str]) -> str:
        lang = html.escape(m.group(2), quote=True)
        return f'<mark class="untranslated" lang="{lang}">' if m.group(1) == "mark" else f'<span lang="{lang}">'

    escaped = _MARK.sub(start, escaped)
    return _MARK_END.sub(lambda m: f"</{m.group(1)}>", escaped)


def inline_text(text: str) -> str:
    """Plain text: links become ``text (url)``, emphasis and code markers are dropped.

    HTML fallback markers (page title, image alt) become ``[nb: …]``: an attribute or
    ``<title>`` cannot hold ``<mark>``, and the control characters must not leak out.
    """
    text = _MARK.sub(lambda m: f"[{m.group(2)}: " if m.group(1) == "mark" else "", text)
    text = _MARK_END.sub(lambda m: "]" if m.group(1) == "mark" else "", text)

    def repl(m: re.Match[str]) -> str:
        if m.group("code"):
            return m.group("code")[1:-1]
        if m.group("link"):
            return f"{inline_text(m.group('ltext'))} ({m.group('url')})"
        return inline_text(m.group("stext") or m.group("etext"))

    return _INLINE.sub(repl, text)
