"""Loading QA language data from ``l10n/data/qa`` (TSV/text files with ``#`` comments)."""

from __future__ import annotations

from functools import lru_cache

from ..fsutil import package_data


def _lines(name: str) -> list[str]:
    text = package_data("qa", name)
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows, comments and blank lines skipped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@lru_cache(maxsize=None)
def read_words(name: str) -> frozenset[str]:
    """A one-word-per-line list; text after ``#`` on a line is a comment."""
    return frozenset(line.split("#", 1)[0].strip().lower() for line in _lines(name) if line.split("#", 1)[0].strip())


@lru_cache(maxsize=None)
def transliteration() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1] if len(row) > 1 else "") for row in read_rows("transliteration-nb-en.tsv"))


@lru_cache(maxsize=None)
def exonyms() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(p.strip() for p in row[1].split("|")) for row in read_rows("exonyms-nb-en.tsv")}


@lru_cache(maxsize=None)
def name_variants() -> dict[str, tuple[str, ...]]:
    """Given names with other English forms for historical figures (Ludvig -> Louis)."""
    return {row[0]: tuple(p.strip() for p in row[1].split("|")) for row in read_rows("name-variants-nb-en.tsv")}


@lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, float]:
    words: dict[str, float] = {}
    for row in read_rows("number-words.tsv"):
        if row[0] == lang:
            for word in row[2].split("|"):
                words.setdefault(word, float(row[1]))
    return words


@lru_cache(maxsize=None)
def number_scales(lang: str) -> dict[str, float]:
    scales: dict[str, float] = {}
    for row in read_rows("number-scales.tsv"):
        if row[0] == lang:
            for word in row[2].split("|"):
                scales[word.rstrip(".")] = float(row[1])
    return scales


def length_ratio(source: str, target: str) -> tuple[float, float]:
    fallback = (0.4, 2.5)
    for row in read_rows("length-ratios.tsv"):
        if row[0] == source and row[1] == target:
            return float(row[2]), float(row[3])
        if row[0] == "*":
            fallback = (float(row[2]), float(row[3]))
    return fallback


@lru_cache(maxsize=None)
def nb_zipf() -> dict[str, tuple[float, float]]:
    """word -> (Norwegian, English) Zipf frequency for words common in Norwegian."""
    return {row[0]: (float(row[1]), float(row[2])) for row in read_rows("nb-zipf.tsv")}
