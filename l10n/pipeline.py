"""``l10n run`` and the per-step commands: plan the work from content stamps, do only what is stale.

Every command that walks the project (``extract``, ``update``, ``tm update``, ``build``
and ``run``) goes through :class:`Runner`: it loads the stamps (:mod:`l10n.state`),
answers "is everything about this article fresh?" from cached hashes without reading
a single catalogue, sends the stale articles to :func:`l10n.steps.work` (on every core
once there are enough of them), stores the new translation-memory units, and saves
the stamps once. ``l10n run`` does all steps of one article in one worker, handing the
template and catalogue from step to step, so each is parsed and written at most once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .errors import EngineError, L10nError
from .state import BuildOptions, RunState
from .steps import STEPS, Job, Outcome, check, step_names, work

if TYPE_CHECKING:
    from .config import Config
    from .memory import Counts, TranslationMemory
    from .project import BuildResult, ExtractResult, UpdateResult


class Runner:
    """One command's pass over the project: plan, dispatch, collect, save the stamps."""

    def __init__(self, config: Config, memory: TranslationMemory | None = None) -> None:
        self.config = config
        self.state = RunState.load(config)
        self.memory = memory
        self.generation = memory.generation() if memory is not None else None
        self.memory_counts: Counts | None = None
        if memory is not None:
            from .memory import Counts

            self.memory_counts = Counts()

    def job(self, slug: str, article: Path | None, langs: list[str], steps: set[str] | frozenset[str],
            options: BuildOptions = BuildOptions()) -> Job:
        names = step_names(slug, langs, options)
        return Job(slug, article, list(langs), frozenset(steps), self.state.subset(names), options, self.generation)

    def run(self, jobs: list[Job]) -> list[Outcome]:
        """Outcomes in the order of ``jobs``; only the stale ones do any work."""
        from .project import _map

        done: dict[int, Outcome] = {}
        stale: list[int] = []
        for i, job in enumerate(jobs):
            outcome = check(self.config, job, self.state)
            if outcome is None:
                stale.append(i)
            else:
                done[i] = outcome
        try:
            results = _map(work, [self.config] * len(stale), [jobs[i] for i in stale])
            for i, outcome in zip(stale, results):
                self._apply(outcome)
                done[i] = outcome
        finally:
            self.state.save()
        return [done[i] for i in range(len(jobs))]

    def _apply(self, outcome: Outcome) -> None:
        for seen in outcome.files:
            self.state.note(seen)
        for record in outcome.records:
            self.state.record(record)
        for lang, units in outcome.units.items():
            if self.memory is None:
                continue
            counts = self.memory.add_units(units)
            counts.catalogues = 1
            assert self.memory_counts is not None
            self.memory_counts.merge(counts)
            self.state.record(outcome.memory_records[lang])


# --- the per-step commands ------------------------------------------------------------------

def extract_articles(config: Config, only: tuple[str, ...] | list[str] | None = None) -> list[ExtractResult]:
    from .project import ExtractResult, article_paths

    paths = article_paths(config, only)
    runner = Runner(config)
    outcomes = runner.run([runner.job(p.stem, p, [], {"extract"}) for p in paths])
    results = [o.extracted for o in outcomes if o.extracted is not None]
    if not only:
        results += _remove_gone_templates(config, runner, {p.stem for p in paths})
    return results


def update_catalogs(config: Config, langs: list[str], slugs: list[str]) -> list[UpdateResult]:
    runner = Runner(config)
    outcomes = runner.run([runner.job(slug, None, langs, {"update"}) for slug in slugs])
    by_key = {(u.lang, u.slug): u for o in outcomes for u in o.updated}
    return [by_key[(lang, slug)] for lang in langs for slug in slugs]  # language by language, as before


def build_articles(config: Config, langs: list[str], paths: list[Path], options: BuildOptions) -> list[BuildResult]:
    runner = Runner(config)
    outcomes = runner.run([runner.job(p.stem, p, langs, {"build"}, options) for p in paths])
    by_key = {(b.lang, b.slug): b for o in outcomes for b in o.built}
    return [by_key[(lang, p.stem)] for lang in langs for p in paths]


def update_memory(config: Config, memory: TranslationMemory, lang: str | None = None) -> Counts:
    """``l10n tm update``: add the reviewed entries of every catalogue changed since it last ran."""
    langs = config.languages(lang)
    runner = Runner(config, memory)
    runner.run(_memory_jobs(runner, langs, set()))
    assert runner.memory_counts is not None
    return runner.memory_counts


def _memory_jobs(runner: Runner, langs: list[str], skip: set[str]) -> list[Job]:
    """Memory-only jobs for the catalogues of ``langs`` whose slug is not in ``skip``."""
    by_slug: dict[str, list[str]] = {}
    for code in langs:
        folder = runner.config.locales_dir / code / "LC_MESSAGES"
        for path in sorted(folder.glob("*.po")):
            if path.stem not in skip:
                by_slug.setdefault(path.stem, []).append(code)
    return [runner.job(slug, None, codes, {"tm"}) for slug, codes in sorted(by_slug.items())]


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
    from .project import article_paths, build_options

    langs = config.languages(lang)
    options = build_options(config)
    paths = article_paths(config)
    memory = open_memory(config)
    report = RunReport()
    try:
        runner = Runner(config, memory)
        jobs = [runner.job(p.stem, p, langs, set(STEPS), options) for p in paths]
        outcomes = runner.run(jobs + _memory_jobs(runner, langs, {p.stem for p in paths}) if memory else jobs)
        report.extracted = [o.extracted for o in outcomes if o.extracted is not None]
        report.extracted += _remove_gone_templates(config, runner, {p.stem for p in paths})
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


def _remove_gone_templates(config: Config, runner: Runner, live: set[str]) -> list[ExtractResult]:
    """Remove the templates whose article is gone (they hold nothing a person wrote; the
    catalogues keep their translations) and the stamps of what no longer exists."""
    from .project import ExtractResult

    removed = []
    if config.templates_dir.is_dir():
        for pot in sorted(config.templates_dir.glob("*.pot")):
            if pot.stem not in live:
                pot.unlink()
                removed.append(ExtractResult(pot.stem, pot, 0, 0, 0, True, removed=True))
    catalogues = {p.stem for code in config.target_languages
                  for p in (config.locales_dir / code / "LC_MESSAGES").glob("*.po")}
    runner.state.prune(live | catalogues)
    runner.state.save()
    return removed


__all__ = ["RunReport", "Runner", "run_pipeline", "update_memory", "L10nError"]
