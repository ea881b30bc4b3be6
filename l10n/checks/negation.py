"""Negation counted on both sides: a dropped negation reverses a clause.

mt-pitfall's negation-lost rule asks only whether the translation has *some* negation-like
word (it accepts "yet", "only", "rather", an un- prefix anywhere), so "Tom har ikke fortalt
oss" rendered "Tom has yet told us" passes it, and so does "Han kom ikke, og hun ble ikke"
rendered "He did not come, and she stayed". This check counts plain negators (data:
``negation-nb-en.tsv``):

- a source with two or more whose translation keeps at least one but fewer has lost one;
- a source with one or more whose translation has none must say it in other words
  ("unable", "fail", "non-", "keep from"), and an English un- word that renders a Norwegian
  u- word ("urealistiske" -> "unrealistic") does not count for the "ikke".

Negation said in other words counts on the translation's side in both cases, and so does a
negation said by the opposite word of what the source negates (``negation-paraphrase-nb-en.tsv``:
"husket ikke" -> "forgot", "ikke mange" -> "few", "ennå ikke" -> "yet to", the additive
"ikke bare ... men også" -> "as well as"). A litotes negates nothing and is not counted: "ikke"
cancels a u- word ("er ikke uvanlig" -> "is common"), unless the translation keeps a negative
word for it ("not unrealistic" without its "not" is reversed). A translation that keeps fewer
negators may still keep them all when one negator's scope runs over an "or" ("never get sick or
complain" for "blir aldri syke og klager aldri").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .base import Check, CheckContext, Finding
from .data import nb_zipf, read_rows, read_words
from .text import lang_base, mask

_U_WORD = re.compile(r"\bu([a-zæøå]{4,})", re.IGNORECASE)


@lru_cache(maxsize=None)
def negators(lang: str) -> re.Pattern[str] | None:
    row = next((r for r in read_rows("negation-nb-en.tsv") if r[0] == lang), None)
    return re.compile(row[1], re.IGNORECASE) if row else None


@lru_cache(maxsize=None)
def _antonym_rows() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple((re.compile(rf"(?:{nb})", re.IGNORECASE), re.compile(rf"(?<![\w-])(?:{en})(?![\w])", re.IGNORECASE))
                 for nb, en in read_rows("negation-paraphrase-nb-en.tsv"))


_STOP = re.compile(r"[,.;:!?«»\"()–—]")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def window(text: str, match: re.Match[str]) -> tuple[list[str], list[str]]:
    """The words a negator negates: the one before it (a main clause puts the finite verb there:
    "husket ikke") and up to four after it, within its clause."""
    after = text[match.end():]
    stop = _STOP.search(after)
    words = _WORD.findall(after[:stop.start()] if stop else after)[:4]
    before = _WORD_BEFORE.search(text[max(0, match.start() - 40):match.start()])
    return ([before.group(1)] if before else []), words


def by_opposite(src: str, found: list[re.Match[str]], tgt: str) -> int:
    """How many of the source negators ``found`` the translation says by the opposite word."""
    said = 0
    for m in found:
        before, after = window(src, m)
        if any(en.search(tgt) for w in before + after for en in _opposites(w)):
            said += 1
    return said


@lru_cache(maxsize=8192)
def _opposites(word: str) -> tuple[re.Pattern[str], ...]:
    """The English patterns of the antonym rows whose Norwegian side is ``word``: asked per
    word instead of trying every row on every word (words recur; the rows do not change)."""
    return tuple(en for nb, en in _antonym_rows() if nb.fullmatch(word))


_COPULA = frozenset("er var være vært blir ble bli blitt virker virket synes syntes".split())
_DEGREE = frozenset("helt så særlig spesielt veldig".split())
_AFTER_PREDICATE = frozenset("med for at å i om på til av enn som".split())


def _litotes(src: str, match: re.Match[str]) -> bool:
    """"er ikke uvanlig", "ikke helt ukjent med", "Ikke uventet vant ...": the negator cancels a
    predicative or sentence-opening u- word and the sense is positive. Not "setter seg ikke
    urealistiske mål", where it negates the verb."""
    before, after = window(src, match)
    if after[:1] and after[0].lower() in _DEGREE:
        after = after[1:]
    if not after or not _u_word(after[0]):
        return False
    if not before and _opens_clause(src, match):
        return True  # "Ikke uventet vant favoritten": an adverbial opening the sentence
    return (bool(before) and before[0].lower() in _COPULA) or len(after) == 1 or after[1].lower() in _AFTER_PREDICATE


def _opens_clause(text: str, match: re.Match[str]) -> bool:
    head = text[:match.start()].rstrip()
    return not head or head[-1] in ".!?:;«\"“–—"


def _u_word(word: str) -> bool:
    low = word.lower()
    return low.startswith("u") and len(low) >= 5 and nb_zipf().get(low[1:], (0.0, 0.0))[0] >= 3.0


def source_negators(source: str, lang: str = "nb", target: str | None = None,
                    litotes: bool = False) -> list[re.Match[str]]:
    """The source's negators that negate something: not inside a name, and (unless ``litotes``)
    not a litotes, except where ``target`` renders the u- word by a negative word ("not
    unrealistic" must keep its "not")."""
    src_re = negators(lang)
    if src_re is None:
        return []
    src = mask(source)
    found = [m for m in src_re.finditer(src) if not _inside_name(src, m)]
    if not found or litotes or (target is not None and negative_word(target)):
        return found  # the target is read only when there is a negator to keep (most sources have none)
    return [m for m in found if not _litotes(src, m)]


_NEGATIVE_PREFIXES = "in|im|il|ir|dis"  # English prefixes that negate an adjective (besides un-)
_NEGATIVE_PREFIX = re.compile(rf"\b(?:un([a-z]{{4,}})|(?:{_NEGATIVE_PREFIXES})([a-z]{{5,}}))\b", re.IGNORECASE)


def negative_word(text: str) -> bool:
    """An English word negated by its prefix (unrealistic, inaccurate, dishonest): the rest is English."""
    common = read_words("en-common-words.txt")
    return any((m.group(1) or m.group(2)).lower() in common for m in _NEGATIVE_PREFIX.finditer(mask(text)))


_OR = re.compile(r"\bor\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]–—]")


def _or_after_negation(tgt: str, tgt_re: re.Pattern[str]) -> int:
    """"or"s a negator of the translation scopes over: within its clause and six words ("never get
    sick or complain"), one more negated clause each."""
    count = 0
    for m in tgt_re.finditer(tgt):
        rest = tgt[m.end():]
        end = _CLAUSE_END.search(rest)
        words = (rest[:end.start()] if end else rest).split()[:6]
        count += sum(1 for w in words if w.lower() == "or")
    return count


def said_otherwise(source: str, target: str) -> bool:
    """For rules asking only whether a translation negates at all: every source negator is a
    litotes rendered positively ("ikke uvanlig" -> "common"), or the translation says one in
    other words ("too small to see") or by the opposite word."""
    if not source_negators(source, litotes=True):
        return False  # nothing this module counts: the rule decides alone
    found = source_negators(source, target=target)
    if not found:
        return True
    src, tgt = mask(source), mask(target)
    return other_words(src, tgt) > 0 or by_opposite(src, found, tgt) > 0


def other_words(src: str, tgt: str, src_lang: str = "nb", tgt_lang: str = "en") -> int:
    """Negations the translation says in other words ("unable", "too late to", "inconsistent"),
    beyond the un- words that render a Norwegian u- word ("urealistisk" -> "unrealistic")."""
    other = negators(f"{tgt_lang}-other")
    if other is None:
        return 0
    spans = [m.span() for m in other.finditer(tgt)]
    said = len(spans) + (prefixed_adjectives(tgt, spans) if tgt_lang == "en" else 0)
    if src_lang == "nb":
        said -= u_words(src) + min(len(_TOO_EN.findall(tgt)), len(_TOO_NB.findall(src)))
    return max(0, said)


# "for fattig til å kjøpe det" -> "too poor to buy it": a "too ... to" the source says without a negator
_TOO_NB = re.compile(r"\bfor\s+[^\W\d_]+\s+(?:til|å)\b", re.IGNORECASE)
_TOO_EN = re.compile(r"\btoo\s+\w+(?:\s+\w+)?\s+to\s+\w+", re.IGNORECASE)


_PREFIXED_RE = re.compile(rf"\b(?:{_NEGATIVE_PREFIXES})([a-z]{{4,}})\b", re.IGNORECASE)
_ADJECTIVE_END = ("ant", "ent", "ible", "able", "ive", "al", "ate", "ect", "ete", "ure", "ous", "ar", "ic", "id", "ite", "ing")


def prefixed_adjectives(text: str, counted: list[tuple[int, int]] | None = None) -> int:
    """Negations said by a prefix (intolerant, invisible, inconsistent, illegal, disloyal): the
    rest is an English adjective by the lexicon and its ending, so "interesting" and "discover"
    are none. Words inside the ``counted`` spans (already counted otherwise) are not counted again."""
    common = read_words("en-common-words.txt")
    return sum(1 for m in _PREFIXED_RE.finditer(text)
               if m.group(1).lower() in common and m.group(1).lower().endswith(_ADJECTIVE_END)
               and not any(s <= m.start() < e for s, e in counted or ()))


def u_words(text: str) -> int:
    """Norwegian words negated by a u- prefix: umulig, ukjent, urealistiske (u + a Norwegian word)."""
    return sum(1 for rest in _U_WORD.findall(text) if _u_word("u" + rest))


class NegationCountCheck(Check):
    """A negation of the source dropped in translation."""

    check_id = "negation"
    name = "Negation dropped"
    description = ("The source negates (ikke, aldri, ingen …) and the translation has fewer negations, or none, "
                   "not even in other words.")
    severity = "warning"
    language_pair = "nb_to_en"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        src_lang, tgt_lang = lang_base(context.source_lang), lang_base(context.target_lang)
        src_re, tgt_re = negators(src_lang), negators(tgt_lang)
        if src_re is None or tgt_re is None:
            return None
        src = mask(source)
        found = source_negators(source, src_lang, target)
        if not found:
            return None
        tgt = mask(target)
        kept = len(tgt_re.findall(tgt))
        if kept < len(found):
            kept += other_words(src, tgt, src_lang, tgt_lang)
        if kept < len(found) and src_lang == "nb" and tgt_lang == "en":
            kept += by_opposite(src, found, tgt) + _or_after_negation(tgt, tgt_re)
        last = found[-1]
        if kept == 0 and all(m.group(0).lower() in _WEAK for m in found):
            return None  # "uten" alone is often said positively: missing, stripped of, by far
        if kept == 0:
            return self.finding("the source negates, the translation has no negation, not even in other words: "
                                "the meaning may be reversed", last.span(), side="source", suggestion="check the negation")
        if len(found) >= 2 and kept < len(found):
            return self.finding(f"the source has {len(found)} negations, the translation {kept}: one clause may have "
                                "lost its negation", last.span(), side="source", suggestion="check every clause's meaning")
        return None


#: source negators too often rendered without any negation to report on their own (counted
#: against the translation's negators when the source has others)
_WEAK = frozenset({"uten"})

def _inside_name(text: str, match: re.Match[str]) -> bool:
    """"uten" inside a name: the word before it is capitalised mid-sentence (Leger uten grenser);
    not "ikke" after a name ("hvis Tom ikke kommer")."""
    if match.group(0).lower() != "uten":
        return False
    start = match.start()
    before = _WORD_BEFORE.search(text[max(0, start - 40):start])
    if before is None or not before.group(1)[:1].isupper():
        return False
    head = text[:start - len(before.group(0))].rstrip()
    return bool(head) and head[-1] not in ".!?:«\"“"
