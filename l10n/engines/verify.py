"""Is each returned translation on the right segment? Checks for batched (LLM) answers.

LLM translation tools that send bulk batches are known for shifted answers: a
sentence skipped and the rest moved up one id, two sentences merged into one,
an id missing or repeated, the source echoed, or a reply to the text instead of
a translation. Ids alone cannot catch a shift, so every returned text is also
compared with what its segment carries that survives translation: numbers,
names (capitalised words inside the sentence), sentence count and length. A
text that fits a neighbouring segment clearly better than its own, or a batch
whose texts fit better one place off, is distrusted as a whole.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..fsutil import package_data
from ..invariant import is_invariant
from .request import MTRequest

LENGTH_RATIO = 1.08  # English / Norwegian characters in news text
SHIFT_MARGIN = 1.5  # the sources one place off must fit this much better to call it a shift
SINGLE_SHIFT_MARGIN = 2.0  # a lone segment against its context sentences
OVERLAP_WEIGHT = 8.0
HARD_COST = 4.5  # a text this far from its own segment is distrusted even when nothing else is wrong
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,:]\d+)*")
_NAME = re.compile(r"(?<=[\w,;:–—-] )[A-ZÆØÅ][\w'’-]+")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s+(?=[«“\"'(\[]?[A-ZÆØÅ0-9–—])")
_WORD = re.compile(r"[^\W\d_]{2,}")
_NOT_DIGIT = re.compile(r"\D")
_LETTERS = re.compile(r"[^\W\d_]+")
_GRAM_WORD = re.compile(r"[^\W_]{3,}")


@lru_cache(maxsize=1)
def _reply_openings() -> tuple[str, ...]:
    lines = package_data("prompts", "replies.txt").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# Each text's features are computed once (a batch compares every text with up to three sources):
# the functions below are pure, cached per text, and return frozen sets.
_PER_TEXT = 8192


@lru_cache(maxsize=_PER_TEXT)
def numbers(text: str) -> frozenset[str]:
    """Digit sequences with group and decimal separators dropped ("3,5" and "3.5" both "35")."""
    return frozenset(_NOT_DIGIT.sub("", m.group(0)) for m in _NUMBER.finditer(text))


@lru_cache(maxsize=1)
def _number_words() -> dict[str, dict[str, str]]:
    """Spelled-out numbers per language ("to" → "2", "tenth" → "10"), from the QA data file;
    values 1 and 2 are left out ("en", "a", "andre", "second" are mostly not numbers)."""
    table: dict[str, dict[str, str]] = {}
    for line in package_data("qa", "number-words.tsv").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or not parts[1].isdigit():
            continue
        lang = parts[0] if int(parts[1]) >= 3 else parts[0] + "-small"
        for word in parts[2].split("|"):
            table.setdefault(lang, {})[word.lower()] = parts[1]
    return table


@lru_cache(maxsize=_PER_TEXT)
def spelled(text: str, lang: str, small: bool = False) -> frozenset[str]:
    """Values of spelled-out numbers in ``text``; ``small`` adds 1 and 2 ("a day", "two children")."""
    tables = [_number_words().get(lang, {})] + ([_number_words().get(lang + "-small", {})] if small else [])
    return frozenset(table[w] for w in _LETTERS.findall(text.lower()) for table in tables if w in table)


def _clock_variants(values: frozenset[str] | set[str]) -> set[str]:
    """24-hour times as a 12-hour clock writes them ("2335" → "1135")."""
    out = set()
    for value in values:
        if len(value) == 4 and 13 <= int(value[:2]) <= 23 and int(value[2:]) < 60:
            out.add(str(int(value[:2]) - 12) + value[2:])
    return out


@lru_cache(maxsize=_PER_TEXT)
def names(text: str) -> frozenset[str]:
    """Capitalised words inside a sentence (not the first word): mostly names, kept in translation."""
    return frozenset(m.group(0).rstrip("'’s") or m.group(0) for m in _NAME.finditer(text))


@lru_cache(maxsize=_PER_TEXT)
def sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip())) + 1


def fit_cost(source: str, target: str) -> float:
    """How badly ``target`` fits as a translation of ``source`` (0 is a perfect fit)."""
    ratio = (len(target) + 12) / (len(source) + 12)
    cost = 2.0 * abs(math.log(ratio / LENGTH_RATIO))
    src_numbers, tgt_numbers = numbers(source), numbers(target)
    if src_numbers:  # a number of the source missing from the target (as digits or spelled out)
        missing = src_numbers - tgt_numbers - spelled(target, "en", small=True)
        missing = {n for n in missing if not _clock_variants({n}) & tgt_numbers}
        cost += 2.5 * len(missing) / len(src_numbers)
    if tgt_numbers:  # a number in the target that the source does not have
        extra = tgt_numbers - src_numbers - _clock_variants(src_numbers) - spelled(source, "nb")
        cost += 1.5 * len(extra) / len(tgt_numbers)
    src_names = names(source)
    if src_names:
        missing = sum(1 for name in src_names if not _name_found(name, target))
        cost += 1.5 * missing / len(src_names)
    cost += 0.8 * max(0, sentences(target) - sentences(source))
    return cost


@dataclass(frozen=True)
class Misfit:
    id: str
    reason: str


def obvious_misfit(request: MTRequest, text: str) -> str:
    """Why ``text`` cannot be the translation of ``request`` whatever its neighbours ("" if none)."""
    source = request.text
    if not text.strip():
        return "empty translation"
    words = _WORD.findall(source)
    if len(words) >= 3 and not is_invariant(source):
        if " ".join(text.split()) == " ".join(source.split()):
            return "source echoed back"
        if len(words) >= 5 and fuzz.ratio(text, source) >= 92:
            return "source echoed back (nearly unchanged)"
    lowered = text.lstrip(" \"'“«*–—-").lower()
    if lowered.startswith(_reply_openings()) and not _speaks_too(source, lowered):
        return "a reply instead of a translation"
    if fit_cost(source, text) >= HARD_COST and len(source) >= 20:
        return "does not match the source (numbers, names or length)"
    if _identity_clash(source, text):
        return "none of its names and not its numbers"
    return ""


_SPEAKER_OPENINGS = {"i": ("jeg",), "sorry": ("beklager", "unnskyld"), "ok": ("ok", "greit"),
                     "okay": ("ok", "greit"), "sure": ("sikkert", "klart")}


def _speaks_too(source: str, answer: str) -> bool:
    """The source itself opens like the answer ("– Jeg kan ikke …" → "I cannot …"): not a reply."""
    first = answer.replace("'", " ").replace("’", " ").replace(",", " ").replace("!", " ").split()[:1]
    opening = source.lstrip(" \"'“«*–—-").lower()
    return bool(first) and opening.startswith(_SPEAKER_OPENINGS.get(first[0], ("\0",)))


def _identity_clash(source: str, target: str) -> bool:
    """The source's names are all absent and the numbers disagree: another sentence's translation."""
    src_names = names(source)
    if not src_names or any(_name_found(name, target) for name in src_names):
        return False
    src_numbers, tgt_numbers = numbers(source), numbers(target)
    missing = {n for n in src_numbers - tgt_numbers - spelled(target, "en", small=True)
               if not _clock_variants({n}) & tgt_numbers}
    extra = tgt_numbers - src_numbers - spelled(source, "nb") - _clock_variants(src_numbers)
    return bool(missing or extra)


def _name_found(name: str, target: str) -> bool:
    """A name, or a part of a hyphenated one ("Vest-Montana": "Montana"), in the target."""
    lowered = target.lower()
    return any(part[:4].lower() in lowered for part in name.split("-") if len(part) >= 3)


@lru_cache(maxsize=_PER_TEXT)
def _grams(text: str) -> frozenset[str]:
    words = [f"#{word}#" for word in _GRAM_WORD.findall(text.lower())]
    return frozenset(word[i:i + 4] for word in words for i in range(len(word) - 3))


def pair_cost(source: str, target: str) -> float:
    """:func:`fit_cost` plus how few letter 4-grams the two share (names, numbers, cognates)."""
    a, b = _grams(source), _grams(target)
    overlap = len(a & b) / max(1, min(len(a), len(b)))
    return fit_cost(source, target) + OVERLAP_WEIGHT * (1.0 - overlap)


def shift_gain(sources: list[str], texts: list[str], before: str = "", after: str = "") -> float:
    """How much better the texts fit their sources one place off (from some point to the end
    moved up, or from the start to some point moved down) than in place; > 0 means better."""
    costs: dict[tuple[int, int], float] = {}

    def cost(j: int, i: int) -> float:
        if (j, i) not in costs:
            source = before if j < 0 else after if j >= len(sources) else sources[j]
            costs[(j, i)] = pair_cost(source, texts[i])
        return costs[(j, i)]

    best = 0.0
    for step, order in ((1, range(len(texts) - 1, -1, -1)), (-1, range(len(texts)))):
        total = 0.0
        for i in order:
            j = i + step
            if (j < 0 and not before) or (j >= len(sources) and not after):
                continue
            total += cost(j, i) - cost(i, i)
            best = min(best, total)
    return -best


def check_batch(requests: list[MTRequest], texts: list[str]) -> list[Misfit]:
    """Misfits of an answer whose ids already matched: obvious ones, then a shift."""
    found = [Misfit(r.id, why) for r, t in zip(requests, texts) if (why := obvious_misfit(r, t))]
    seen: dict[str, str] = {}
    for request, text in zip(requests, texts):
        if seen.setdefault(text, request.text) != request.text:
            found.append(Misfit(request.id, "the same translation as another segment"))
    if found:
        return found
    margin = SINGLE_SHIFT_MARGIN if len(requests) == 1 or len(requests) > 10 else SHIFT_MARGIN
    gain = shift_gain([r.text for r in requests], texts, requests[0].previous, requests[-1].following)
    if gain > margin:
        found.append(Misfit(requests[0].id, "the answers fit the sentences one place off better"))
    return found
