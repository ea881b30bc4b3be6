"""What an engine receives for one segment: the text plus the article around it.

Engines used to get bare strings. A context-aware engine (an LLM, DeepL with
``context``) needs to know who "han" is, where a quote starts and that a name
is a newspaper's, so each segment travels as an :class:`MTRequest` carrying its
neighbours, its paragraph, the article title, the glossary terms that occur in
it and a few similar translation-memory pairs. Engines that ignore context read
only ``text`` (which is then the masked text); nothing else changes for them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class TermHint:
    """A glossary term found in the segment: the form as written, the approved rendering(s),
    the renderings a reviewer rejected, and whether the approved one is checked in the result."""

    source: str
    target: str
    forbidden: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    kind: str = "term"  # name, term, dnt
    note: str = ""

    @property
    def approved(self) -> tuple[str, ...]:
        return (self.target, *self.alternatives)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"source": self.source, "target": " | ".join(self.approved)}
        if self.forbidden:
            data["forbidden"] = list(self.forbidden)
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class Example:
    """A similar source sentence with its reviewed translation (translation memory)."""

    source: str
    target: str
    score: int = 0


@dataclass(frozen=True)
class MTRequest:
    """One segment to translate, with what a translator would look at around it.

    ``id`` is unique within a run; ``before``/``after`` are the neighbouring sentences in
    document order (across block boundaries), ``paragraph`` the sentences of its block.
    """

    id: str
    text: str
    msgctxt: str = ""
    kind: str = "paragraph"
    article: str = ""
    title: str = ""
    block: int = -1
    paragraph: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    terms: tuple[TermHint, ...] = ()
    examples: tuple[Example, ...] = field(default=(), compare=False)
    quote: str = ""  # in a quotation over several sentences: start, middle, end; whole; "" (l10n.quotes)
    strict: bool = False  # a re-request: the approved glossary rendering was missing from the first answer

    @property
    def previous(self) -> str:
        return self.before[-1] if self.before else ""

    @property
    def following(self) -> str:
        return self.after[0] if self.after else ""

    def context_hash(self) -> str:
        """Changes when anything the engine reads besides the text and glossary changes."""
        data = [self.msgctxt, self.kind, self.title, list(self.paragraph), list(self.before), list(self.after),
                [(e.source, e.target) for e in self.examples]]
        return digest(data)

    def glossary_hash(self) -> str:
        return digest([t.as_dict() for t in self.terms])

    @classmethod
    def plain(cls, id: str, text: str, msgctxt: str = "") -> MTRequest:  # noqa: A002 - the field's name
        """``MTRequest(id=…, text=…, msgctxt=…)`` for an engine that sees only the text, made
        without the frozen class's fourteen ``object.__setattr__`` calls (one per segment of a run)."""
        request = object.__new__(cls)
        request.__dict__.update(_PLAIN, id=id, text=text, msgctxt=msgctxt)
        return request


_PLAIN = {f.name: f.default for f in fields(MTRequest)}  # id and text are always given; no field has a factory


def digest(data: object, length: int = 12) -> str:
    """A short stable hash of JSON-able data (cache keys, provenance)."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:length]


def plain(text: str, id: str = "1") -> MTRequest:
    """A request with no context (string engines, tests, the ``translate_batch`` shim)."""
    return MTRequest(id=id, text=text)


@dataclass(frozen=True)
class Estimate:
    """What one request would cost: source characters, whole prompt, tokens, USD."""

    characters: int
    prompt_characters: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0
