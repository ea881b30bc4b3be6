"""Plan a command's work from content stamps and do only what is stale.

Every command that walks the project (``extract``, ``update``, ``tm update``, ``build``
and ``run``) goes through :class:`Runner`: it loads the stamps (:mod:`l10n.state`),
answers "is everything about this article fresh?" from cached hashes without reading
a single catalogue, sends the stale articles to :func:`l10n.steps.work` (on every core
once there are enough of them), stores the new translation-memory units, and saves
the stamps once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, TypeVar

from .config import remember
from .gcutil import collector_paused, frozen
from .state import BuildOptions, RunState
from .results import BuildResult, ExtractResult, UpdateResult
from .steps import Job, Layout, Outcome, check, step_names, work

if TYPE_CHECKING:
    from .config import Config
    from .memory import Counts, TranslationMemory

T = TypeVar("T")
PARALLEL_MIN = 48  # below this many articles, starting worker processes costs more than it saves
CHUNK = 8  # articles sent to a worker at a time


def workers() -> int:
    """Worker processes to use: ``L10N_WORKERS``, else the cores this process may run on."""
    value = os.environ.get("L10N_WORKERS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    if os.environ.get("L10N_SERIAL"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return min(cores, os.cpu_count() or cores, 8)


def parallel_map(fn: Callable[..., T], *iterables: Iterable[Any]) -> list[T]:
    """``map`` over articles, on every core once there are enough of them to pay for it.

    This process is one of the workers: it starts one process fewer than there are
    cores and, while they work through the chunks from the front, does the chunks
    nobody has started from the back. On two cores that is one extra process, not
    two beside an idle parent. The first article is done here before the workers
    are forked, so they inherit what it loaded (modules, compiled rules, locale
    data) as shared pages instead of each loading its own copy.
    """
    items = [list(it) for it in iterables]
    count = workers()
    if count < 2 or len(items[0]) < PARALLEL_MIN:
        return list(map(fn, *items))
    first = [fn(*(column[0] for column in items))]
    chunks = [[column[start:start + CHUNK] for column in items] for start in range(1, len(items[0]), CHUNK)]
    with frozen():  # what is loaded now is left alone by the collector, so its pages stay shared after fork
        return first + _pooled(fn, chunks, count - 1)


def _pooled(fn: Callable[..., T], chunks: list[list[list[Any]]], processes: int) -> list[T]:
    """The chunks' results in order: ``processes`` workers from the front, this process from the back."""
    from concurrent.futures import ProcessPoolExecutor

    done: dict[int, list[T] | BaseException] = {}
    results: list[T] = []
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = [pool.submit(_chunk, fn, chunk) for chunk in chunks]
        for index in reversed(range(len(chunks))):
            if not futures[index].cancel():  # a worker has it, so every chunk before it too
                break
            try:
                done[index] = _chunk(fn, chunks[index])
            except Exception as exc:  # noqa: BLE001 - raised below, in article order, as pool.map would
                done[index] = exc
        for index, future in enumerate(futures):
            outcome = done[index] if index in done else future.result()
            if isinstance(outcome, BaseException):
                raise outcome
            results += outcome
    return results


def _chunk(fn: Callable[..., T], columns: list[list[Any]]) -> list[T]:
    return list(map(fn, *columns))


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
        done: dict[int, Outcome] = {}
        stale: list[int] = []
        layout = Layout(self.config)
        with collector_paused():  # the outcomes are all kept: a collection would only rescan them
            for i, job in enumerate(jobs):
                outcome = check(self.config, job, self.state, layout)
                if outcome is None:
                    stale.append(i)
                else:
                    done[i] = outcome
        try:
            results = parallel_map(work, [self.config] * len(stale), [jobs[i] for i in stale])
            for i, outcome in zip(stale, results):
                self._apply(outcome)
                done[i] = outcome
        finally:
            self.state.save()
            remember(self.config)  # the parsed l10n.toml, now that .l10n/ exists (a first run made it)
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

def extract_articles(config: Config, paths: list[Path], whole: bool) -> list[ExtractResult]:
    """Templates for ``paths``; ``whole``: these are all the articles, remove the other templates."""
    runner = Runner(config)
    outcomes = runner.run([runner.job(p.stem, p, [], {"extract"}) for p in paths])
    results = [o.extracted for o in outcomes if o.extracted is not None]
    if whole:
        results += remove_gone_templates(config, runner, {p.stem for p in paths})
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
    runner.run(memory_jobs(runner, langs, set()))
    assert runner.memory_counts is not None
    return runner.memory_counts


def memory_jobs(runner: Runner, langs: list[str], skip: set[str]) -> list[Job]:
    """Memory-only jobs for the catalogues of ``langs`` whose slug is not in ``skip``."""
    by_slug: dict[str, list[str]] = {}
    for code in langs:
        for slug in catalogue_slugs(runner.config, code):
            if slug not in skip:
                by_slug.setdefault(slug, []).append(code)
    return [runner.job(slug, None, codes, {"tm"}) for slug, codes in sorted(by_slug.items())]


def remove_gone_templates(config: Config, runner: Runner, live: set[str]) -> list[ExtractResult]:
    """Remove the templates whose article is gone (they hold nothing a person wrote; the
    catalogues keep their translations) and the stamps of what no longer exists."""
    removed = []
    for slug in _slugs(config.templates_dir, ".pot"):
        if slug not in live:
            pot = config.pot_path(slug)
            pot.unlink()
            removed.append(ExtractResult(slug, pot, 0, 0, 0, True, removed=True))
    catalogues = {slug for code in config.target_languages for slug in catalogue_slugs(config, code)}
    runner.state.prune(live | catalogues)
    runner.state.save()
    return removed




def catalogue_slugs(config: Config, lang: str) -> list[str]:
    """Slugs of the language's catalogues, sorted (os.scandir: this runs on every no-op run)."""
    return _slugs(config.locales_dir / lang / "LC_MESSAGES", ".po")


def _slugs(folder: Path, suffix: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name[: -len(suffix)] for e in entries if e.name.endswith(suffix) and e.is_file())
    except (FileNotFoundError, NotADirectoryError):
        return []
