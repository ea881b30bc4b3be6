"""``l10n run``: extract → update → translation memory → translate → build, doing only what is stale.

All steps of one article run in one worker (:mod:`l10n.steps`), handing the template
and catalogue from step to step, so each is parsed and written at most once; the
content stamps (:mod:`l10n.state`, via :mod:`l10n.incremental`) skip every step whose
inputs and outputs are unchanged. Machine translation is asked only about the
catalogues that still have untranslated entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .errors import EngineError
from .incremental import Runner, memory_jobs, remove_gone_templates
from .project import article_paths, build_options
from .results import BuildResult, ExtractResult, UpdateResult
from .steps import STEPS, Outcome

if TYPE_CHECKING:
    from .config import Config


# --- l10n run -------------------------------------------------------------------------------

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

    @property
    def skipped(self) -> int:
        """Steps skipped because nothing they depend on changed."""
        return sum(r.skipped for r in (*self.extracted, *self.updated, *self.built))


def run_pipeline(
    config: Config,
    lang: str | None = None,
    engine: str | None = None,
    translate: bool = True,
    progress: Callable[[int, int], None] | None = None,
    **translate_options: Any,
) -> RunReport:
    """Run every step; machine translation only when an engine is configured or given."""
    from .memory import open_memory

    langs = config.languages(lang)
    options = build_options(config)
    paths = article_paths(config)
    memory = open_memory(config)
    report = RunReport()
    try:
        runner = Runner(config, memory)
        jobs = [runner.job(p.stem, p, langs, set(STEPS), options) for p in paths]
        outcomes = runner.run(jobs + memory_jobs(runner, langs, {p.stem for p in paths}) if memory else jobs)
        report.extracted = [o.extracted for o in outcomes if o.extracted is not None]
        report.extracted += remove_gone_templates(config, runner, {p.stem for p in paths})
        engine = engine or config.section("translate").get("engine")
        if translate and engine:
            pending = sorted({o.slug for o in outcomes for n in o.pending.values() if n} if not
                             translate_options.get("retranslate_fuzzy") else {p.stem for p in paths})
            touched = _translate(config, lang, engine, pending, report, progress, translate_options)
            if touched:  # the catalogues translation changed: update, memory and build again
                redo = runner.run([runner.job(p.stem, p, langs, {"update", "tm", "build"}, options)
                                   for p in paths if p.stem in touched])
                outcomes = _replace(outcomes, redo)
        elif translate:
            report.translate_skipped = "no engine configured (set [translate] engine in l10n.toml or pass --engine)"
        report.updated = [u for o in outcomes for u in o.updated]
        report.built = sorted((b for o in outcomes for b in o.built), key=lambda b: langs.index(b.lang))
        if runner.memory_counts is not None:
            report.tm_added = runner.memory_counts.added
    finally:
        if memory is not None:
            memory.close()
    return report


def _translate(config: Config, lang: str | None, engine: str, pending: list[str], report: RunReport,
               progress: Callable[[int, int], None] | None, options: dict[str, Any]) -> set[str]:
    """Machine-translate the catalogues with untranslated entries; the slugs whose files changed."""
    if not pending:
        report.translate_skipped = "nothing to translate (every sentence has a translation)"
        return set()
    from .translate import translate_project

    before = {slug: _po_bytes(config, lang, slug) for slug in pending}
    try:
        report.translated = translate_project(config, lang=lang, engine=engine, articles=pending, progress=progress,
                                              **options)
    except EngineError as exc:  # build what we have; the CLI still exits non-zero
        report.translate_error = exc
        report.translated = getattr(exc, "summary", None)
    return {slug for slug in pending if _po_bytes(config, lang, slug) != before[slug]}


def _po_bytes(config: Config, lang: str | None, slug: str) -> list[bytes | None]:
    out = []
    for code in config.languages(lang):
        try:
            out.append(config.po_path(code, slug).read_bytes())
        except OSError:
            out.append(None)
    return out


def _replace(outcomes: list[Outcome], redo: list[Outcome]) -> list[Outcome]:
    """The first pass's outcomes with the build results of the second pass where there is one."""
    second = {o.slug: o for o in redo}
    for o in outcomes:
        if o.slug in second:
            o.built = second[o.slug].built
    return outcomes


__all__ = ["RunReport", "run_pipeline"]
