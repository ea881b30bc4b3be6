"""Render a translated article as a standalone HTML page or as plain text.

The block structure comes from the source article (heading levels, list
markers, image URLs are read from the block's source line); the words come
from :func:`l10n.assemble.render_blocks`.
"""

from __future__ import annotations

import html
import re
from typing import Iterator

from .article import LINK_URL, TABLE_DIVIDER, Article, Block
from .assemble import Rendered, inline_html, inline_text

_IMAGE_URL = re.compile(r"!\[[^\]]*\]\((?P<url>" + LINK_URL + r")")
_ORDERED = re.compile(r"^\s*\d{1,3}[.)]\s")
_QUOTE_MARKER = re.compile(r"\n[ \t]*>[ \t]?")

PAGE_STYLE = (
    "body{font-family:Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "figure{margin:1.5em 0}figure img{max-width:100%}figcaption,.credit{font-size:.9em;color:#555}"
    "blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}"
    "mark.untranslated{background:#fff3b0}.lead{font-weight:bold}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
)


def _source_line(article: Article, block: Block) -> str:
    start = article.text.rfind("\n", 0, block.start) + 1
    end = article.text.find("\n", block.start)
    return article.text[start : end if end >= 0 else len(article.text)]


def _heading_level(article: Article, block: Block, line: str) -> int:
    hashes = len(line) - len(line.lstrip("#"))
    if hashes:
        return min(6, hashes)
    after = article.text[block.end :].lstrip(" \t\r\n")
    return 2 if after.startswith("-") else 1  # setext: ===== is h1, ----- is h2


def _body_items(article: Article, rendered: Rendered) -> Iterator[tuple[str, Block, str]]:
    for block, text in zip(article.blocks, rendered.blocks):
        if not block.kind.startswith("meta-") and block.kind != "image-title":
            if block.kind == "quote":  # a hard-wrapped quote: its continuation lines' ">" is markup
                text = _QUOTE_MARKER.sub("\n", text)
            yield block.kind, block, text


def render_html(article: Article, rendered: Rendered, lang: str) -> str:
    title_text = next((t for b, t in zip(article.blocks, rendered.blocks) if b.kind == "meta-title"), None)
    if title_text is None:
        title_text = next((t for b, t in zip(article.blocks, rendered.blocks) if b.kind == "heading"), article.slug)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(inline_text(title_text))}</title>",
        '<meta name="generator" content="l10n">',
        f"<style>{PAGE_STYLE}</style>",
        "</head>",
        "<body>",
        "<article>",
    ]
    parts.extend(_with_title_and_lead(article, rendered, _html_body(article, rendered), title_text))
    parts += ["</article>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _with_title_and_lead(article: Article, rendered: Rendered, body: list[str], title: str) -> list[str]:
    """A page needs a visible title, and a front-matter lead that the text does not repeat
    belongs under it (NRK's ingress); both come from the front matter when the body lacks them."""
    texts = dict(zip((b.kind for b in article.blocks), rendered.blocks))
    if not any(b.kind == "heading" for b in article.blocks):
        body = [f"<h1>{inline_html(title)}</h1>", *body]
    lead = next((b for b in article.blocks if b.kind == "meta-lead"), None)
    if lead is not None and not any(b.kind == "paragraph" and b.text == lead.text for b in article.blocks):
        at = next((i + 1 for i, line in enumerate(body) if line.startswith("<h1>")), 0)
        body.insert(at, f'<p class="lead">{inline_html(texts["meta-lead"])}</p>')
    return body


def _html_body(article: Article, rendered: Rendered) -> list[str]:
    out: list[str] = []
    open_list: str | None = None
    figure_open = False
    table_row: int | None = None
    for kind, block, text in _body_items(article, rendered):
        line = _source_line(article, block)
        if kind != "table-cell" and table_row is not None:
            out.append("</tr></table>")
            table_row = None
        if kind != "list-item" and open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if figure_open and kind != "caption":
            out.append("</figure>")
            figure_open = False
        body = inline_html(text)
        if kind == "heading":
            level = _heading_level(article, block, line)
            out.append(f"<h{level}>{body}</h{level}>")
        elif kind == "list-item":
            tag = "ol" if _ORDERED.match(line) else "ul"
            if open_list != tag:
                if open_list:
                    out.append(f"</{open_list}>")
                out.append(f"<{tag}>")
                open_list = tag
            out.append(f"<li>{body}</li>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{body}</p></blockquote>")
        elif kind == "image-alt":
            m = _IMAGE_URL.search(line)
            url = m.group("url") if m else ""
            safe = url if re.match(r"^(https?:|/|\.|[\w-]+\.\w+$|[\w./-]+$)", url) else ""
            out.append(f'<figure><img src="{html.escape(safe, quote=True)}" alt="{html.escape(inline_text(text), quote=True)}">')
            figure_open = True
        elif kind == "caption":
            out.append(f"<figcaption>{body}</figcaption>" if figure_open else f'<p class="caption">{body}</p>')
        elif kind == "credit":
            out.append(f'<p class="credit">{body}</p>')
        elif kind == "table-cell":
            table_row = _table_cell(out, article, block, body, table_row)
        elif kind == "code":
            out.append(f"<pre><code>{html.escape(text)}</code></pre>")
        else:
            out.append(f"<p>{body}</p>")
    if table_row is not None:
        out.append("</tr></table>")
    if open_list:
        out.append(f"</{open_list}>")
    if figure_open:
        out.append("</figure>")
    return out


def _table_cell(out: list[str], article: Article, block: Block, body: str, row: int | None) -> int:
    """Add one cell, opening the table and a new row as the source lines change."""
    if row is None:
        out.append("<table>")
    if row != block.line:
        if row is not None:
            out.append("</tr>")
        out.append("<tr>")
    tag = "th" if _is_header_row(article, block) else "td"
    out.append(f"<{tag}>{body}</{tag}>")
    return block.line


def _is_header_row(article: Article, block: Block) -> bool:
    """A pipe-table row directly above the |---| divider is the header."""
    end = article.text.find("\n", block.end)
    if end < 0:
        return False
    following = article.text[end + 1 :].split("\n", 1)[0].rstrip("\r")
    return bool(TABLE_DIVIDER.match(following))


def render_text(article: Article, rendered: Rendered) -> str:
    """Plain text: blank line between blocks, list items with '- ', quotes indented."""
    paragraphs = []
    title = next((t for b, t in zip(article.blocks, rendered.blocks) if b.kind == "meta-title"), None)
    has_heading = any(b.kind == "heading" for b in article.blocks)
    if title and not has_heading:
        paragraphs.append(inline_text(title))
    lead_at = len(paragraphs)  # the front-matter lead goes under the title, as in md and html
    cell_line: int | None = None
    for kind, block, text in _body_items(article, rendered):
        if kind == "heading" and lead_at == 0 and not paragraphs:
            lead_at = 1
        if kind == "code":
            paragraphs.append("\n".join("    " + line for line in text.splitlines()))
            continue
        plain = " ".join(inline_text(text).split())
        if not plain:
            continue
        if kind == "list-item":
            plain = ("1. " if _ORDERED.match(_source_line(article, block)) else "- ") + plain
        elif kind == "quote":
            plain = "    " + plain
        elif kind == "image-alt":
            plain = f"[{plain}]"
        elif kind == "table-cell":
            if cell_line == block.line:
                paragraphs[-1] += " | " + plain  # a table row stays on one line
                continue
            cell_line = block.line
        paragraphs.append(plain)
    lead = _lead_text(article, rendered)
    if lead:
        paragraphs.insert(lead_at, lead)
    return "\n\n".join(paragraphs) + "\n"


def _lead_text(article: Article, rendered: Rendered) -> str:
    """The translated front-matter lead, unless the body repeats it as a paragraph."""
    for block, text in zip(article.blocks, rendered.blocks):
        if block.kind == "meta-lead":
            if any(b.kind == "paragraph" and b.text == block.text for b in article.blocks):
                return ""
            return " ".join(inline_text(text).split())
    return ""
