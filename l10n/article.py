"""Source articles: Markdown (with optional front matter) or plain text, as translatable blocks.

An article is parsed into *blocks*: spans of the file that hold translatable
text (a heading's words, a paragraph, a list item, an image's alt text, a
front-matter title). Everything outside those spans — Markdown markers, URLs
of images, blank lines, front-matter keys — is kept verbatim, so rebuilding
an article from its blocks reproduces the file byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .config_schema import ARTICLE_SUFFIXES  # noqa: F401 - kept there: listing a project needs no parser
from .errors import ArticleError
from .fsutil import decode_utf8, read_text
from .notes import note

VERBATIM_KINDS = frozenset({"code"})  # blocks kept for structure, never segmented or translated
TRANSLATABLE_META = ("title", "lead", "description", "subtitle", "summary")

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_LIST_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)(.*)$")
_QUOTE = re.compile(r"^([ \t]*>[ \t]?)(.*)$")
#: A link or image destination as CommonMark reads it: ``<…>``, or text without spaces whose
#: parentheses balance (``https://no.wikipedia.org/wiki/Oslo_(by)``), two levels deep.
LINK_URL = r"(?:<[^<>\n]*>|(?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*)"
_IMAGE = re.compile(r'^[ \t]*!\[(?P<alt>[^\]]*)\]\((?P<url>' + LINK_URL + r')(?:[ \t]+"(?P<title>[^"]*)")?\)[ \t]*$')
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")
_REFDEF = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]+\S")
_HTML = re.compile(r"^[ \t]*<(?:!--|/?[a-zA-Z][\w-]*[\s/>])")
_TABLE = re.compile(r"^[ \t]*\|")
# CommonMark HTML blocks 1-2: a comment or <script>/<pre>/<style>/<textarea> runs to its end
# marker across blank lines; its lines are never prose (a desk note must not be translated).
_RAW_HTML = re.compile(r"^[ \t]*<(?:(?P<comment>!--)|(?P<tag>script|pre|style|textarea)(?=[\s>]|$))", re.IGNORECASE)
_META = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_CREDIT = re.compile(r"^(?:Foto|Photo|Illustrasjon|Grafikk|Video|Kilde|Faksimile)\s*[:/]", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A translatable span of an article: ``text == article.text[start:end]``."""

    kind: str
    text: str
    start: int
    end: int
    line: int


@dataclass
class Article:
    path: Path
    slug: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    bom: bool = False  # the file began with a UTF-8 byte-order mark; a Markdown build keeps it

    @property
    def title(self) -> str:
        if "title" in self.meta:
            return self.meta["title"]
        heading = next((b for b in self.blocks if b.kind == "heading"), None)
        return heading.text if heading else self.slug


class _Lines:
    """The file's lines with their start offsets, ends included (no newline lost)."""

    def __init__(self, text: str) -> None:
        self.raw = text.splitlines(keepends=True)
        self.offsets = []
        pos = 0
        for line in self.raw:
            self.offsets.append(pos)
            pos += len(line)

    def __len__(self) -> int:
        return len(self.raw)

    def content(self, i: int) -> str:
        return self.raw[i].rstrip("\r\n")


def slug_for(path: Path) -> str:
    return path.stem


def read_article(path: Path, data: bytes | None = None) -> Article:
    """Read and parse one article file (UTF-8; errors name the file and line).

    ``data``: the file's bytes when the caller has already read them (to hash them).
    """
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(f"unsupported article type {path.suffix!r} (expected .md or .txt)", path)
    if data is None:
        text = read_text(path, ArticleError, "article")
        with path.open("rb") as handle:
            bom = handle.read(3) == b"\xef\xbb\xbf"
    else:
        text, bom = decode_utf8(data, ArticleError, path), data.startswith(b"\xef\xbb\xbf")
    nul = text.find("\x00")
    if nul >= 0:  # it would go into the POT, the PO files (msgfmt rejects them) and the build
        line = text.count("\n", 0, nul) + 1
        raise ArticleError(f"NUL byte (\\0) in the text, column {nul - text.rfind(chr(10), 0, nul)}; "
                           "is this a binary file?", path, line)
    article = parse_article(text, path)
    article.bom = bom
    if not any(block.text.strip() for block in article.blocks):
        note(f"{path}: empty article (nothing to translate)")
    return article


def parse_article(text: str, path: Path | None = None) -> Article:
    path = path or Path("article.md")
    lines = _Lines(text)
    article = Article(path=path, slug=slug_for(path), text=text)
    first = 0
    if path.suffix.lower() != ".txt" and len(lines) and lines.content(0).strip() == "---":
        first = _parse_front_matter(lines, article)
    if path.suffix.lower() == ".txt":
        _parse_plain(lines, first, article)
    else:
        _parse_markdown(lines, first, article)
    return article


def _parse_front_matter(lines: _Lines, article: Article) -> int:
    """Read ``key: value`` lines up to the closing ``---``; return the index after it."""
    if not any(lines.content(i).strip() in ("---", "...") for i in range(1, len(lines))):
        raise ArticleError("front matter opened with '---' is never closed", article.path, 1)
    for i in range(1, len(lines)):
        content = lines.content(i)
        if content.strip() in ("---", "..."):
            return i + 1
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        if content[:1] in (" ", "\t") or content.startswith("- "):
            continue  # a YAML list item or nested value under the previous key: kept, not translated
        m = _META.match(content)
        if not m:
            raise ArticleError("front matter line is not 'key: value'", article.path, i + 1)
        key, value = m.group("key").lower(), m.group("value")
        start = lines.offsets[i] + m.start("value")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, start = value[1:-1], start + 1
        if value[:1] in ("[", "{", "|", ">", "&", "*"):
            article.meta[key] = value
            continue  # YAML flow collections, block scalars and aliases are not translated
        article.meta[key] = value
        if key in TRANSLATABLE_META and value.strip():
            article.blocks.append(Block(f"meta-{key}", value, start, start + len(value), i + 1))
    return len(lines)


def _parse_plain(lines: _Lines, first: int, article: Article) -> None:
    i = first
    while i < len(lines):
        if not lines.content(i).strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines.content(j + 1).strip():
            j += 1
        _add_span(article, lines, "paragraph", i, j, 0)
        i = j + 1


def _add_span(article: Article, lines: _Lines, kind: str, first: int, last: int, col: int) -> None:
    """Add lines first..last (from column ``col`` of the first) as one block, whitespace trimmed."""
    start = lines.offsets[first] + col
    end = lines.offsets[last] + len(lines.content(last))
    segment = article.text[start:end]
    stripped = segment.strip()
    if not stripped:
        return
    start += len(segment) - len(segment.lstrip())
    article.blocks.append(Block(kind, stripped, start, start + len(stripped), first + 1))


def _parse_markdown(lines: _Lines, first: int, article: Article) -> None:
    i = first
    after_image = False
    while i < len(lines):
        content = lines.content(i)
        if not content.strip():
            i, after_image = i + 1, False
            continue
        if _FENCE.match(content):
            i, after_image = _skip_fence(lines, i, article), False
            continue
        if _RAW_HTML.match(content):
            i, after_image = _skip_raw_html(lines, i, article), False
            continue
        handled = _parse_line_block(lines, i, article, after_image)
        if handled is not None:
            i, after_image = handled
            continue
        j = _paragraph_end(lines, i)
        if j + 1 < len(lines) and _SETEXT.match(lines.content(j + 1)):
            _add_span(article, lines, "heading", i, j, 0)  # Title / ===== (setext heading)
            i, after_image = j + 2, False
            continue
        kind = "caption" if after_image else ("credit" if _CREDIT.match(content.strip()) else "paragraph")
        _add_span(article, lines, kind, i, j, 0)
        i, after_image = j + 1, False


def _parse_line_block(lines: _Lines, i: int, article: Article, after_image: bool) -> tuple[int, bool] | None:
    """Headings, images, quotes, list items and literal lines; None for a paragraph."""
    content = lines.content(i)
    if _TABLE.match(content):
        _add_table_cells(article, lines, i)
        return i + 1, False
    if _RULE.match(content) or _REFDEF.match(content) or _HTML.match(content):
        return i + 1, False
    m = _HEADING.match(content)
    if m:
        if m.group(2).strip():
            _add_span_at(article, lines, "heading", i, m.start(2), m.end(2))
        return i + 1, False
    m = _IMAGE.match(content)
    if m:
        if m.group("alt").strip():
            _add_span_at(article, lines, "image-alt", i, m.start("alt"), m.end("alt"))
        else:  # nothing to translate, but the image is part of the article's structure
            at = lines.offsets[i] + m.start("alt")
            article.blocks.append(Block("image-alt", "", at, at, i + 1))
        if m.group("title") and m.group("title").strip():
            _add_span_at(article, lines, "image-title", i, m.start("title"), m.end("title"))
        return i + 1, True
    for pattern, kind in ((_QUOTE, "quote"), (_LIST_ITEM, "list-item")):
        m = pattern.match(content)
        if m:
            j = _continuation_end(lines, i, pattern)
            _add_span(article, lines, kind, i, j, m.end(1))
            return j + 1, False
    return None


TABLE_DIVIDER = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$")
_CELL = re.compile(r"(?:\\.|[^|\\])+")


def _add_table_cells(article: Article, lines: _Lines, i: int) -> None:
    """Each cell of a pipe-table row is a block of its own (election results, price lists)."""
    content = lines.content(i)
    if TABLE_DIVIDER.match(content):
        return
    for m in _CELL.finditer(content):
        if m.group(0).strip():
            _add_span_at(article, lines, "table-cell", i, m.start(), m.end())


def _add_span_at(article: Article, lines: _Lines, kind: str, i: int, start: int, end: int) -> None:
    text = lines.content(i)[start:end]
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if stripped:
        offset = lines.offsets[i] + start + lead
        article.blocks.append(Block(kind, stripped, offset, offset + len(stripped), i + 1))


def _skip_fence(lines: _Lines, i: int, article: Article) -> int:
    marker = _FENCE.match(lines.content(i)).group(1)  # type: ignore[union-attr]
    for j in range(i + 1, len(lines)):
        if lines.content(j).lstrip().startswith(marker):
            if j > i + 1:  # kept verbatim, never translated; rendered as code in HTML
                start, end = lines.offsets[i + 1], lines.offsets[j - 1] + len(lines.content(j - 1))
                if article.text[start:end].strip():
                    article.blocks.append(Block("code", article.text[start:end], start, end, i + 2))
            return j + 1
    raise ArticleError(f"code block opened with {marker} is never closed", article.path, i + 1)


def _skip_raw_html(lines: _Lines, i: int, article: Article) -> int:
    m = _RAW_HTML.match(lines.content(i))
    assert m is not None
    tag = (m.group("tag") or "").lower()
    opener, end = ("<!--", "-->") if m.group("comment") else (f"<{tag}", f"</{tag}>")
    for j in range(i, len(lines)):
        if end in lines.content(j)[m.end() if j == i else 0 :].lower():
            return j + 1
    raise ArticleError(f"HTML block opened with {opener} is never closed", article.path, i + 1)


def _starts_block(content: str) -> bool:
    return bool(
        not content.strip()
        or _HEADING.match(content)
        or _IMAGE.match(content)
        or _LIST_ITEM.match(content)
        or _QUOTE.match(content)
        or _FENCE.match(content)
        or _RULE.match(content)
        or _HTML.match(content)
        or _TABLE.match(content)
    )


def _paragraph_end(lines: _Lines, i: int) -> int:
    j = i
    while j + 1 < len(lines) and not _starts_block(lines.content(j + 1)) and not _SETEXT.match(lines.content(j + 1)):
        j += 1
    return j


def _continuation_end(lines: _Lines, i: int, pattern: re.Pattern[str]) -> int:
    """A quote or list item goes on over following lines that are not a new block.

    A hard-wrapped quote (``> first line`` / ``> second line``) is one block, as in
    Markdown, so a sentence wrapped inside it stays one segment; an empty ``>`` line or a
    nested block (``> > …``, ``> - …``) ends it. An indented line continues a list item.
    """
    j = i
    first = pattern.match(lines.content(i))
    if pattern is _QUOTE and first and not first.group(2).strip():
        return i  # an empty ">" line separates a quote's paragraphs
    while j + 1 < len(lines):
        nxt = lines.content(j + 1)
        quoted = _QUOTE.match(nxt) if pattern is _QUOTE else None
        if quoted:
            inner = quoted.group(2)
            if not inner.strip() or _starts_block(inner) or _SETEXT.match(inner):
                break
        elif _starts_block(nxt):
            break
        j += 1
    return j
