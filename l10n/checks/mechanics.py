"""Text mechanics: punctuation, quotes and brackets, links, whitespace, repeats, length."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..entrymeta import entry_kind
from .base import Check, CheckContext, Finding
from .data import length_ratio, read_rows, read_words
from .text import lang_base, links, mask

_TRAILING_WRAP = "\"'”’»«“)]*_ \u00a0"
_END_CLASS = {"?": "question", "!": "statement", ".": "statement", "…": "statement", ";": "statement", ":": "statement"}
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("“", "”"))
_ATTRIBUTION_RE = re.compile(r"[,?!]\s*(\w+)")
_LINK_HINT_RE = re.compile(r"://|www\.|@|\]\(|\w\.[a-z]{2,4}\b", re.IGNORECASE)  # the last: bare domains (nrk.no)
_BRACKET_RE = re.compile(r"[()\[\]{}«»“”\"]")
_REPEAT_RE = re.compile(r"\b([^\W\d_]++)\s+\1\b", re.IGNORECASE)  # possessive: a shorter run is never followed by a space
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
#: a letter after a full stop, or "www.": every match of _LINK_HINT_RE without "@", "](" or "://"
#: has one (its bare-domain branch puts a letter after the dot), and this is found far faster
_DOT_HINT_RE = re.compile(r"\.[^\W\d_]|(?i:www)\.")


def _link_hint(text: str) -> bool:
    """``_LINK_HINT_RE.search(text)``, skipped where the cheaper tests show it cannot match."""
    if "@" not in text and "](" not in text and "://" not in text and _DOT_HINT_RE.search(text) is None:
        return False
    return _LINK_HINT_RE.search(text) is not None


def _end(text: str) -> tuple[str, int]:
    """The end punctuation class of ``text`` and the offset of its last significant character."""
    stripped = text.rstrip().rstrip(_TRAILING_WRAP)
    if not stripped:
        return "none", 0
    last = stripped[-1]
    if stripped.endswith("..."):
        last = "…"
    return _END_CLASS.get(last, "none"), len(stripped) - 1


class EndPunctuationCheck(Check):
    """A question must stay a question; a headline without a full stop must stay without."""

    check_id = "end-punctuation"
    name = "End punctuation"
    description = "The sentence ends differently: question lost or added, full stop added to or dropped from a headline."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src, _ = _end(source)
        tgt, pos = _end(target)
        if src == tgt or (src != "question" and tgt != "question" and "none" not in (src, tgt)):
            return None
        span = (pos, pos + 1) if tgt != "none" else (max(0, pos), pos + 1)
        kind, nb = entry_kind(entry), lang_base(context.source_lang) == "nb"  # questions-nb.tsv
        if src == "question":
            if nb and _request(target):
                return None  # a polite question rendered as a request: "..., please."
            return self.finding("the source is a question, the translation is not", span, suggestion="end with ?")
        if tgt == "question":
            if nb and asks(source):
                return None  # a question by its words (Hvorfor ..., ikke sant) missing its "?"
            return self.finding("the translation is a question, the source is not", span)
        if src == "none":
            if kind in ("paragraph", "quote") or (nb and kind not in _HEADLINE_KINDS and _sentence_like(source)):
                return None  # running text: the segmenter decides where sentences end
            return self.finding("the source has no end punctuation (headline?), the translation has", span)
        if kind in _HEADLINE_KINDS:
            return None  # English headline style drops the full stop
        # a full stop lost at the end of running text is cosmetic; a lost question mark is not (above)
        return self.finding("the translation lost the end punctuation", span, severity="info")


_HEADLINE_KINDS = frozenset({"heading", "meta-title", "meta-subtitle"})
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def _question_words() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split("|")) for row in read_rows("questions-nb.tsv")}


def asks(source: str) -> bool:
    """A Norwegian question by its words: a question word or a verb before its subject opens
    it ("Hvorfor stirrer han", "Gir du meg"), or a tag closes it ("..., ikke sant")."""
    table = _question_words()
    words = [w.lower() for w in _WORD_RE.findall(source)]
    if not words:
        return False
    if words[0] in table["opener"] or " ".join(words[:3]) in table["opener"] or " ".join(words[:2]) in table["opener"]:
        return True
    if len(words) > 1 and words[1] in table["pronoun"] and (words[0] in table["verb-first"] or words[0].endswith("r")):
        return True
    tail = source.rstrip().rstrip(_TRAILING_WRAP + ".")
    comma = tail.rfind(",")
    return comma >= 0 and " ".join(_WORD_RE.findall(tail[comma + 1:])).lower() in table["tag"]


def _request(target: str) -> bool:
    return any(w.lower() in _question_words()["request"] for w in _WORD_RE.findall(target))


def _sentence_like(source: str) -> bool:
    """Too long or too punctuated for a headline: a sentence whose full stop is missing."""
    return len(_WORD_RE.findall(source)) > 12 or "," in source


def _in_dialogue(source: str) -> bool:
    """A segment of split speech: opens with a dialogue dash or has ", sier hun"."""
    return _opens_with_dash(source) or _attributed(source)


def _opens_with_dash(source: str) -> bool:
    return source.lstrip()[:1] in "–—-"


def _attributed(source: str) -> bool:
    verbs = read_words("speech-verbs-nb.txt")
    return any(m.group(1).lower() in verbs for m in _ATTRIBUTION_RE.finditer(source))


def _unbalanced(text: str) -> tuple[str, int] | None:
    """The first bracket or quote that has no partner, with its offset."""
    masked = mask(text)
    if not _BRACKET_RE.search(masked):
        return None
    for opener, closer in _PAIRS:
        if opener not in masked and closer not in masked:
            continue  # the walk below would find nothing
        depth, first = 0, -1
        for i, ch in enumerate(masked):
            if ch == opener:
                depth, first = depth + 1, i if depth == 0 else first
            elif ch == closer:
                if depth == 0:
                    return closer, i
                depth -= 1
        if depth:
            return opener, first
    if masked.count('"') % 2:
        return '"', masked.rfind('"')
    return None


class BracketsQuotesCheck(Check):
    """Brackets and quotation marks in the translation must pair up (when the source's do)."""

    check_id = "brackets-quotes"
    name = "Brackets and quotes"
    description = "A bracket or quotation mark in the translation has no partner."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        problem = _unbalanced(target)
        if problem is None or _unbalanced(source) is not None:
            return None
        char, pos = problem
        if char in "\"“”" and _in_dialogue(source) and not (_opens_with_dash(source) and _attributed(source)):
            return None  # speech split over segments: one quote mark opens or closes; "– Ja, sier hun." is whole
        return self.finding(f"unpaired {char!r} in the translation", (pos, pos + 1))


class LinksCheck(Check):
    """URLs and e-mail addresses are data: MT must not translate, drop or invent them."""

    check_id = "urls"
    name = "URLs and e-mail addresses"
    description = "A URL or e-mail address (Markdown link targets too) differs between source and translation."
    severity = "error"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        if not _link_hint(source) and not _link_hint(target):
            return []
        src = [u for u, _, _ in links(source)]
        tgt = links(target)
        found = [self.finding(f"{url!r} is not in the source", (s, e)) for url, s, e in tgt if url not in src]
        tgt_urls = {u for u, _, _ in tgt}
        for url in src:
            if url not in tgt_urls:
                start = source.find(url)
                found.append(self.finding(f"{url!r} is missing from the translation", (start, start + len(url)), side="source"))
        return found


class WhitespaceCheck(Check):
    """Stray spaces survive into the published article and break Markdown."""

    check_id = "whitespace"
    name = "Whitespace"
    description = "Leading, trailing or double whitespace in the translation that the source does not have."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        found = []
        lead_s, lead_t = len(source) - len(source.lstrip()), len(target) - len(target.lstrip())
        if lead_s != lead_t:
            found.append(self.finding("leading whitespace differs from the source", (0, max(lead_t, 1))))
        trail_s, trail_t = len(source) - len(source.rstrip()), len(target) - len(target.rstrip())
        if trail_s != trail_t:
            # An article segment (its kind recorded) is reassembled with the source's spacing, so
            # trailing space it lacks is cosmetic; in a UI string ("Name: ") it is not.
            lost = trail_t < trail_s and bool(entry_kind(entry))
            found.append(self.finding("trailing whitespace differs from the source", (len(target.rstrip()), len(target)),
                                      severity="info" if lost else None))
        if "  " in target and not ("  " in source and _DOUBLE_SPACE_RE.search(source)):  # a match has two spaces
            for m in _DOUBLE_SPACE_RE.finditer(target):
                found.append(self.finding("double space", (m.start(), m.end())))
        return found


class RepeatedWordCheck(Check):
    """MT sometimes stutters ("the the"); a repeat the source also has is deliberate."""

    check_id = "repeated-word"
    name = "Repeated word"
    description = "The same word twice in a row in the translation."
    severity = "warning"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        allowed = read_words("repeated-ok.txt")
        src_repeats = {m.group(1).lower() for m in _REPEAT_RE.finditer(source)}
        found = []
        for m in _REPEAT_RE.finditer(mask(target)):
            word = m.group(1).lower()
            if word in allowed or word in src_repeats or _noun_then_verb(target, m.start(), word, context.target_lang):
                continue
            found.append(self.finding(f"{m.group(1)!r} repeated", (m.start(), m.end())))
        return found


_DETERMINER_BEFORE = re.compile(r"(?:['’]s?|\b(?:the|his|her|their|its|my|your|our|this|whose))\s+$", re.IGNORECASE)
#: English modals that are nouns too (a will, a can, might, a must, a need): the noun, then the modal
_MODAL_NOUNS = frozenset("will can might must need".split())


def _noun_then_verb(text: str, start: int, word: str, lang: str) -> bool:
    """A modal's noun homograph after a possessive or article, then the modal itself: "his
    father's will will be done", "the can can be recycled"; never "the the" or "house house"."""
    return (lang_base(lang) == "en" and word in _MODAL_NOUNS
            and _DETERMINER_BEFORE.search(text[max(0, start - 12):start]) is not None)


class LengthRatioCheck(Check):
    """A translation far shorter or longer than usual for the pair is truncated or padded."""

    check_id = "length-ratio"
    name = "Length ratio"
    description = "The translation is much shorter or longer than translations in this language pair normally are."
    severity = "warning"
    min_source_chars = 40

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src, tgt = mask(source).strip(), mask(target).strip()
        if len(src) < self.min_source_chars or not tgt:
            return None
        low, high = length_ratio(lang_base(context.source_lang), lang_base(context.target_lang))
        ratio = len(tgt) / len(src)
        if ratio < low:
            return self.finding(f"translation is {ratio:.0%} of the source length (truncated?)", (0, len(target)))
        if ratio > high:
            return self.finding(f"translation is {ratio:.0%} of the source length (padded or duplicated?)", (0, len(target)))
        return None


class QuoteStyleCheck(Check):
    """Norwegian «guillemets» are not English punctuation; English uses “…” or "…"."""

    check_id = "quote-style"
    name = "Quotation marks"
    description = "Norwegian «» quotation marks left in an English translation."
    severity = "warning"
    language_pair = "nb_to_en"
    needs = "«»"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        return [self.finding(f"{m.group(0)!r}: use English quotation marks", m.span(), suggestion="“…”")
                for m in re.finditer(r"[«»]", target)]


class DialogueDashCheck(Check):
    """Norwegian marks speech with a leading dash; English news uses quotation marks.
    Off by default: house styles differ. Enable with --check dialogue-dash."""

    check_id = "dialogue-dash"
    name = "Dialogue dash"
    description = "A Norwegian dialogue dash (– …) kept in the translation instead of quotation marks."
    severity = "info"
    default_disabled = True
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        m = re.match(r"\s*[–—]\s", target)
        if m is None:
            return None
        return self.finding("dialogue dash kept; English uses quotation marks", m.span(), suggestion="“…,” she said.")
