"""Term protection: hide glossary terms, URLs, e-mail addresses, link targets and
inline code from the MT engine behind placeholder tokens, then put back the
approved target term.

Token shapes follow Weblate's machinery: ``[X1X]`` for text engines (Weblate's
default ``format_replacement``; Google, Libre and MyMemory keep it, sometimes
adding a space before ``]``, which we accept) and ``<x id="1"></x>`` for DeepL,
which keeps XML tags in place with ``tag_handling=xml``. After the call every
token must come back exactly once; otherwise :func:`unmask` raises
:class:`MaskError` and the caller retranslates the segment unmasked.

Numbers with units are deliberately not masked: "3,5 prosent" must become
"3.5 per cent", which only the engine can do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .glossary import Glossary

_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\](?P<target>\((?:[^()\s]+|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\))")
_CODE = re.compile(r"`[^`\n]+`")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]\[]+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAY_HOLD_FIXED = re.compile(r"[\[`@]|://|www\.", re.IGNORECASE)  # what each pattern above needs
_URL_TRAIL = ".,;:!?)»”’'"

TOKEN_STYLES = ("bracket", "xml")
_ANY_TOKEN = {
    "bracket": re.compile(r"\[\s*X\s*(\d+)\s*X\s*\]", re.IGNORECASE),
    "xml": re.compile(r"<\s*x\s+id\s*=\s*\"(\d+)\"\s*(?:/>|>\s*<\s*/\s*x\s*>)", re.IGNORECASE),
}
_TOKEN_OPENER = {"bracket": "[", "xml": "<"}  # the character every token of the style starts with


class MaskError(ValueError):
    """The engine lost, duplicated or invented a placeholder token."""


@dataclass(frozen=True)
class Placeholder:
    """One protected span: what was sent instead of ``original`` and what goes back."""

    index: int
    token: str
    original: str
    replacement: str
    kind: str  # term, url, email, code, link-open, link-close
    capitalize: bool = False
    glue: str = ""  # "right": drop whitespace after the token; "left": before it


@dataclass
class Masked:
    """A text ready for the engine plus what is needed to restore it."""

    source: str
    text: str
    style: str = "bracket"
    placeholders: list[Placeholder] = field(default_factory=list)

    @property
    def terms(self) -> int:
        return sum(1 for p in self.placeholders if p.kind == "term")


def make_token(index: int, style: str) -> str:
    if style == "xml":
        return f'<x id="{index}"></x>'
    return f"[X{index}X]"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    replacement: str
    capitalize: bool = False


def _fixed_spans(text: str) -> list[_Span]:
    """Links, inline code, URLs and e-mail addresses: all restored unchanged."""
    spans: list[_Span] = []
    if not _MAY_HOLD_FIXED.search(text):  # most sentences hold none: one scan instead of four
        return spans
    for m in _LINK.finditer(text):
        spans.append(_Span(m.start(), m.start() + 1, "link-open", "["))
        spans.append(_Span(m.start("target") - 1, m.end(), "link-close", text[m.start("target") - 1 : m.end()]))
    for pattern, kind in ((_CODE, "code"), (_URL, "url"), (_EMAIL, "email")):
        for m in pattern.finditer(text):
            end = m.end()
            if kind == "url":
                while end > m.start() and text[end - 1] in _URL_TRAIL:
                    end -= 1
            spans.append(_Span(m.start(), end, kind, text[m.start() : end]))
    return spans


def _term_spans(text: str, glossary: Glossary | None) -> list[_Span]:
    """Glossary terms to pin. A term with several approved renderings ("skal ha" →
    reportedly | is said to have) is grammar the engine must fit into the sentence, so it
    is left to the engine and checked by QA afterwards; names and one-rendering terms are pinned."""
    if not glossary:
        return []
    spans = []
    for match in glossary.find(text):
        if match.term.type == "term" and match.term.alternatives:
            continue
        target = match.term.target_for(match.form)
        cap = match.term.type == "term" and match.form[:1].isupper() and target[:1].islower()
        spans.append(_Span(match.start, match.end, "term", target, cap))
    return spans


def _choose(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans, earlier categories winning (links and URLs before terms)."""
    chosen: list[_Span] = []
    for span in spans:
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def mask(text: str, glossary: Glossary | None = None, style: str = "bracket") -> Masked:
    """Replace protected spans of ``text`` with numbered tokens of ``style``."""
    if style not in TOKEN_STYLES:
        raise ValueError(f"unknown token style {style!r}")
    if _TOKEN_OPENER[style] in text and _ANY_TOKEN[style].search(text):
        return Masked(text, text, style)  # the text already looks like tokens: leave it alone
    fixed = _fixed_spans(text)
    if not fixed and not glossary:  # most sentences: nothing to protect (the loop below would copy the text)
        return Masked(text, text, style)
    spans = _choose(fixed + _term_spans(text, glossary))
    out: list[str] = []
    placeholders: list[Placeholder] = []
    pos = 0
    for number, span in enumerate(spans, start=1):
        token = make_token(number, style)
        glue = {"link-open": "right", "link-close": "left"}.get(span.kind, "")
        sent = token + " " if glue == "right" else " " + token if glue == "left" else token
        out.append(text[pos : span.start] + sent)
        placeholders.append(
            Placeholder(number, token, text[span.start : span.end], span.replacement, span.kind, span.capitalize, glue)
        )
        pos = span.end
    out.append(text[pos:])
    return Masked(text, "".join(out), style, placeholders)


def strip_tokens(text: str, style: str = "bracket") -> str:
    """``text`` without placeholder tokens: what the engine actually has to translate."""
    if _TOKEN_OPENER[style] not in text:  # no token can start anywhere: nothing to replace
        return text
    return _ANY_TOKEN[style].sub(" ", text)


def unmask(translated: str, masked: Masked) -> str:
    """Put the approved targets back; raise MaskError unless each token appears exactly once."""
    if not masked.placeholders:
        return translated
    pattern = _ANY_TOKEN[masked.style]
    found = [int(m.group(1)) for m in pattern.finditer(translated)]
    expected = {p.index for p in masked.placeholders}
    missing = sorted(expected - set(found))
    extra = sorted({n for n in found if found.count(n) > 1 or n not in expected})
    if missing or extra:
        raise MaskError(f"placeholders missing {missing} or repeated/unknown {extra}")
    by_index = {p.index: p for p in masked.placeholders}

    def restore(m: re.Match[str]) -> str:
        placeholder = by_index[int(m.group(1))]
        value = placeholder.replacement
        if placeholder.capitalize and not translated[: m.start()].strip(" \"'«“*_"):
            value = value[:1].upper() + value[1:]
        return value

    text = _apply_glue(translated, masked, pattern)
    return pattern.sub(restore, text)


def _apply_glue(text: str, masked: Masked, pattern: re.Pattern[str]) -> str:
    """Drop the spaces we added around link tokens (and any the engine moved there)."""
    for placeholder in masked.placeholders:
        if not placeholder.glue:
            continue
        token = "(" + pattern.pattern.replace(r"(\d+)", f"(?:{placeholder.index})", 1) + ")"
        if placeholder.glue == "right":
            text = re.sub(token + r"\s*", r"\1", text, flags=re.IGNORECASE)
        else:
            text = re.sub(r"\s*" + token, r"\1", text, flags=re.IGNORECASE)
    return text
