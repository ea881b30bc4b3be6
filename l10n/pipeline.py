"""``l10n run``: extract → update → translation memory → translate → build, for every article.

Each step is the same library call its own command makes; this module only
chains them and collects one summary line per article and language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .config import Config
from .errors import EngineError
from .memory import open_memory
from .project import BuildResult, ExtractResult, UpdateResult, build_project, extract_project, update_project


@dataclass
class RunReport:
    extracted: list[ExtractResult] = field(default_factory=list)
    updated: list[UpdateResult] = field(default_factory=list)
    tm_added: int | None = None
    translated: Any = None
    translate_skipped: str = ""
    translate_error: EngineError | None = None
    built: list[BuildResult] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One summary line per article and language."""
        merged = {(u.lang, u.slug): u.stats for u in self.updated}
        out = []
        for b in self.built:
            m = merged.get((b.lang, b.slug))
            extra = f", {m.fuzzy} changed sentences marked fuzzy" if m and m.fuzzy else ""
            s = b.stats
            out.append(f"{b.lang}/{b.slug}: {s.translated} reviewed, {s.fuzzy} to review, {s.missing} untranslated{extra}")
        return out


def run_pipeline(
    config: Config,
    lang: str | None = None,
    engine: str | None = None,
    translate: bool = True,
    progress: Callable[[int, int], None] | None = None,
    **translate_options: Any,
) -> RunReport:
    """Run every step; machine translation only when an engine is configured or given."""
    report = RunReport()
    report.extracted = extract_project(config)
    report.updated = update_project(config, lang)
    report.tm_added = _update_memory(config, lang)
    engine = engine or config.section("translate").get("engine")
    if translate and engine:
        from .translate import translate_project

        try:
            report.translated = translate_project(config, lang=lang, engine=engine, progress=progress, **translate_options)
        except EngineError as exc:  # build what we have; the CLI still exits non-zero
            report.translate_error = exc
            report.translated = getattr(exc, "summary", None)
    elif translate:
        report.translate_skipped = "no engine configured (set [translate] engine in l10n.toml or pass --engine)"
    report.built = build_project(config, lang)
    return report


def _update_memory(config: Config, lang: str | None) -> int | None:
    memory = open_memory(config)
    if memory is None:
        return None
    with memory:
        return memory.update_from_catalogs(config, lang).added
