"""``build --fail-on``: check what an article would publish before writing it.

For publishing and CI a half-Norwegian English page or a translation with an error must not
go out. :func:`build_gated` runs the one check runner (the findings ``l10n qa`` reports) over
the translations each article would use and builds only the articles that pass:

* ``error``: no error finding on a translation the build uses;
* ``warning``: no error or warning finding on one;
* ``untranslated``: no error finding, and every sentence in the target language.

A refused article is not written (a previous build of it is left as it was).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .results import BuildResult

if TYPE_CHECKING:
    import polib

    from .checks.base import Finding

FAIL_ON = ("error", "warning", "untranslated")
STATE_CHECKS = ("fuzzy", "untranslated")  # the build's own figures say what was left out


@dataclass
class Refusal:
    """An article the gate kept back, and why (one line each)."""

    slug: str
    lang: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class GatedBuild:
    built: list[BuildResult] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def build_gated(config: Config, lang: str | None = None, fmt: str | None = None, fallback: str | None = None,
                include_fuzzy: bool = False, only: tuple[str, ...] | list[str] | None = None,
                fail_on: str = "error") -> GatedBuild:
    """Build the articles whose translations pass ``fail_on``; report the others."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {FAIL_ON}")
    from .glossary import load_project_glossary  # the checks load only when a gate is asked for
    from .project import article_paths, build_options, build_project

    options = build_options(config, fmt, fallback, include_fuzzy)
    paths = article_paths(config, only)
    result = GatedBuild()
    glossary = load_project_glossary(config)
    for code in config.languages(lang):
        refused = _refusals(config, code, paths, fail_on, options.include_fuzzy, options.fallback, glossary)
        result.refused += refused
        passing = [str(p) for p in paths if p.stem not in {r.slug for r in refused}]
        if passing:
            result.built += build_project(config, code, options.fmt, options.fallback, options.include_fuzzy, passing)
    return result


def _refusals(config: Config, lang: str, paths: list[Path], fail_on: str, include_fuzzy: bool, fallback: str,
              glossary: object) -> list[Refusal]:
    from .catalog import iter_entries, read_catalog
    from .checks.base import SEVERITY_RANK, CheckContext
    from .checks.runner import CheckRunner
    from .entrymeta import is_fuzzy

    catalogs: dict[str, polib.POFile] = {}
    for path in paths:
        po_path = config.po_path(lang, path.stem)
        if po_path.exists():  # a missing catalogue is the builder's own located error
            catalogs[path.stem] = read_catalog(po_path)
    runner = CheckRunner(CheckContext(config.source_language, lang, glossary), exclude=STATE_CHECKS)
    runner.prepare(e for po in catalogs.values() for e in iter_entries(po))  # as qa judges them
    threshold = SEVERITY_RANK["warning" if fail_on == "warning" else "error"]
    refused = []
    for path in paths:
        po = catalogs.get(path.stem)
        if po is None:
            continue
        reasons = [_reason(f, e) for e in iter_entries(po) if e.msgstr and (include_fuzzy or not is_fuzzy(e))
                   for f, _ in runner.check_entry(e) if SEVERITY_RANK[f.severity] >= threshold]
        if fail_on == "untranslated":
            left = _left_in_source(path, po, config.source_language, include_fuzzy, fallback)
            if left:
                reasons.append(f"{left} sentence(s) would not be in {lang}")
        if reasons:
            refused.append(Refusal(path.stem, lang, reasons))
    return refused


def _left_in_source(path: Path, po: polib.POFile, source_lang: str, include_fuzzy: bool, fallback: str) -> int:
    from .article import read_article
    from .assemble import render_blocks

    stats = render_blocks(read_article(path), po, source_lang=source_lang, include_fuzzy=include_fuzzy,
                          fallback=fallback).stats
    return stats.missing + stats.fuzzy - stats.fuzzy_used + stats.refused


def _reason(finding: Finding, entry: polib.POEntry) -> str:
    return f"line {entry.linenum}: {finding.severity} [{finding.check}] {finding.message}"


def left_in_source_note(results: list[BuildResult], source_lang: str) -> str | None:
    """One line naming every built article that has sentences in the source language."""
    mixed = [f"{r.lang}/{r.slug} ({r.stats.in_source})" for r in results if r.stats.in_source]
    if not mixed:
        return None
    return (f"{len(mixed)} article(s) have sentences left in {source_lang}: {', '.join(mixed)}"
            " (review them, or use build --fail-on untranslated)")
