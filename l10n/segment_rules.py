"""Load a language's segmentation rules from package data (rules as data, not code).

Each language folder ``l10n/data/<lang>/`` holds ``segment.rules``: ordered,
named SRX-style rules in INI syntax, plus word lists (one entry per line, ``#``
comments) that the rules pull in with ``{{list:FILE}}``. Keeping the lists out
of the regexes lets a linguist add an abbreviation without touching a pattern.
"""

from __future__ import annotations

import configparser
import re
from functools import lru_cache

from .errors import SegmentationError
from .fsutil import package_data
from .languages import base
from .srx import Rule

RULES_FILE = "segment.rules"
LANGUAGES = ("en", "nb", "nn")
_MACRO_RE = re.compile(r"\{\{(list:)?([\w.-]+)\}\}")


def rules_language(lang: str) -> str:
    """The language whose packaged rules and word lists serve ``lang`` (``no``, ``nb-NO``,
    ``en-GB`` …, see :func:`l10n.languages.base`), or SegmentationError."""
    primary = base(lang)
    if primary not in LANGUAGES:
        raise SegmentationError(
            f"no segmentation rules for language {lang!r}; available: {', '.join(LANGUAGES)} (also no, nb-NO, en-GB …)"
        )
    return primary


def _data_file(lang: str, name: str) -> str:
    try:
        return package_data(lang, name)
    except FileNotFoundError as exc:
        raise SegmentationError(f"missing segmentation data file l10n/data/{lang}/{name}") from exc


@lru_cache(maxsize=None)
def read_word_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``l10n/data/<lang>/<name>.txt``: one per line, ``#`` starts a comment."""
    entries = []
    for line in _data_file(lang, f"{name}.txt").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


def _alternation(entries: tuple[str, ...]) -> str:
    """A regex matching any entry, or its capitalised form (any word may start a sentence)."""
    variants = set(entries) | {e[:1].upper() + e[1:] for e in entries}
    ordered = sorted(variants, key=lambda e: (-len(e), e))  # longest first: "m.fl" before "m"
    return "(?:" + "|".join(re.escape(e).replace("\\ ", " ") for e in ordered) + ")"


def _expand(value: str, lang: str, defines: dict[str, str], where: str) -> str:
    """Replace ``{{name}}`` and ``{{list:FILE}}`` macros (defines may nest)."""

    def replace(m: re.Match[str]) -> str:
        if m.group(1):
            return _alternation(read_word_list(lang, m.group(2)))
        if m.group(2) not in defines:
            raise SegmentationError(f"{where}: unknown macro {{{{{m.group(2)}}}}}")
        return defines[m.group(2)]

    for _ in range(5):
        expanded = _MACRO_RE.sub(replace, value)
        if expanded == value:
            return expanded
        value = expanded
    raise SegmentationError(f"{where}: macros nest too deeply")


def parse_rules(text: str, lang: str, where: str = "<rules>") -> tuple[Rule, ...]:
    """Parse ``segment.rules`` text: ``[define]`` macros, then ``[rule:NAME]`` sections in order."""
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",), empty_lines_in_values=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text, source=where)
    except configparser.Error as exc:
        raise SegmentationError(str(exc)) from exc
    defines = dict(parser["define"]) if parser.has_section("define") else {}
    rules = []
    for section in parser.sections():
        if section == "define":
            continue
        if not section.startswith("rule:"):
            raise SegmentationError(f"{where}: unknown section [{section}] (expected [define] or [rule:NAME])")
        rules.append(_parse_rule(section[5:], parser[section], lang, defines, f"{where} [{section}]"))
    return tuple(rules)


def _parse_rule(name: str, body: configparser.SectionProxy, lang: str, defines: dict[str, str], where: str) -> Rule:
    flag = body.get("break", "").strip().lower()
    if flag not in ("yes", "no"):
        raise SegmentationError(f"{where}: 'break' must be yes or no, not {flag!r}")
    before = _expand(body.get("before", ""), lang, defines, where)
    after = _expand(body.get("after", ""), lang, defines, where)
    for label, pattern in (("before", before), ("after", after)):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SegmentationError(f"{where}: bad '{label}' regex: {exc}") from exc
    return Rule(name, before, after, flag == "yes")


@lru_cache(maxsize=None)
def language_rules(lang: str) -> tuple[Rule, ...]:
    """The packaged rules for ``lang`` (any accepted alias), macros expanded."""
    code = rules_language(lang)
    return parse_rules(_data_file(code, RULES_FILE), code, f"l10n/data/{code}/{RULES_FILE}")
