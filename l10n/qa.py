"""QA library entry point: run the checks over catalogues and collect a :class:`QAResult`.

``run_qa`` works on explicit PO files or folders (no l10n.toml needed: the target
language comes from each catalogue's ``Language`` header) or on a project's
catalogues. Reports (:mod:`l10n.report`) only format the result.
"""

from __future__ import annotations

import os

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import polib

from .catalog import iter_entries, occurrence_files, read_catalog
from .checks.base import SEVERITY_RANK, CheckContext, Finding
from .checks.registry import CHECK_IDS
from .checks.runner import CheckRunner, Located, entry_pairs
from .config import Config, find_config, load_config
from .entrymeta import comment_label, entry_status
from .errors import ConfigError, QAError
from .gcutil import collector_paused
from .glossary import Glossary, load_project_glossary
from .languages import from_po_language
from .risk import Risk, entry_risk

FAIL_LEVELS = ("error", "warning", "never")
PARALLEL_MIN = 3000  # entries; below this, forking workers costs more than it saves


@dataclass
class EntryRecord:
    """One segment as the HTML report shows it: texts, review state, where it is."""

    path: str
    line: int
    msgctxt: str
    msgid: str
    msgstr: str
    state: str
    kind: str
    article: str
    findings: list[Finding] = field(default_factory=list)
    source_lang: str = "nb"
    target_lang: str = "en"
    risk: Risk | None = None


@dataclass
class QAResult:
    findings: list[Finding] = field(default_factory=list)
    entries: list[EntryRecord] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, level: str) -> bool:
        """Whether any finding is at or above ``level`` (error|warning|never)."""
        if level == "never":
            return False
        threshold = SEVERITY_RANK[level]
        return any(SEVERITY_RANK[f.severity] >= threshold for f in self.findings)

    def by_article(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for rec in self.entries:
            row = table.setdefault(rec.article, {"entries": 0, "error": 0, "warning": 0, "info": 0, "translated": 0, "fuzzy": 0, "untranslated": 0})
            row["entries"] += 1
            row[rec.state] += 1
        for f in self.findings:
            table.setdefault(f.article, {"entries": 0, "error": 0, "warning": 0, "info": 0, "translated": 0, "fuzzy": 0, "untranslated": 0})
            table[f.article][f.severity] += 1
        return dict(sorted(table.items()))

    def summary(self) -> dict[str, Any]:
        states = Counter(rec.state for rec in self.entries)
        return {
            "files": len(self.files),
            "entries": len(self.entries),
            "checks": list(self.checks),
            "findings": len(self.findings),
            "by_severity": {s: self.count(s) for s in ("error", "warning", "info")},
            "by_check": dict(sorted(Counter(f.check for f in self.findings).items())),
            "by_state": {s: states.get(s, 0) for s in ("translated", "fuzzy", "untranslated")},
            "by_article": self.by_article(),
        }


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """PO files named directly, plus every ``*.po`` under named folders (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.po")))
        elif path.exists():
            found.append(path)
        else:
            raise QAError(f"{path}: no such file or folder")
    return found


def project_paths(config: Config, lang: str | None) -> list[Path]:
    found: list[Path] = []
    for code in config.languages(lang):
        found.extend(sorted((config.locales_dir / code / "LC_MESSAGES").glob("*.po")))
    return found


def project_of(path: Path) -> Config | None:
    """The project a file or folder belongs to (nearest l10n.toml above it), or None."""
    start = path if path.is_dir() else path.parent
    try:
        found = find_config(start)
    except ConfigError:
        return None  # no project: a bare PO file is checked on its own
    return load_config(found)


def _folder_languages(files: list[Path], config: Config | None) -> dict[Path, str]:
    """A project's catalogue is in the language of its folder, whatever its header says."""
    if config is None:
        return {}
    locales = config.locales_dir.resolve()
    found = {}
    for path in files:
        folder = path.resolve().parent
        if folder.name == "LC_MESSAGES" and folder.parent.parent == locales:
            found[path] = folder.parent.name
    return found


def run_qa(
    paths: Sequence[Path] | None = None,
    config: Config | None = None,
    lang: str | None = None,
    glossary: Glossary | None = None,
    checks: Sequence[str] = (),
    skip: Sequence[str] = (),
    source_lang: str | None = None,
) -> QAResult:
    """Check catalogues: ``paths`` if given, else the project's for ``lang`` (or every target).
    With a ``config`` (the project the paths are in), its glossary and source language apply."""
    if paths:
        files = collect_paths(paths)
    elif config is not None:
        files = project_paths(config, lang)
    else:
        raise QAError("nothing to check: give PO files or folders, or run inside a project")
    folder_lang = _folder_languages(files, config)
    if config is not None and glossary is None:
        glossary = load_project_glossary(config)
    source = source_lang or (config.source_language if config else "nb")
    groups: dict[str, list[tuple[str, polib.POFile]]] = defaultdict(list)
    with collector_paused():
        for path in files:
            po = read_catalog(path)
            target = from_po_language(folder_lang.get(path) or po.metadata.get("Language") or lang or "en")
            groups[target].append((str(path), po))
        result = QAResult(checks=CheckRunner(CheckContext(source), checks, skip).check_ids, files=[str(p) for p in files])
        for target, catalogs in groups.items():
            terms = glossary.for_language(target) if glossary is not None else None  # this pair's terms only
            runner = CheckRunner(CheckContext(source, target, terms, frozenset(CHECK_IDS)), checks, skip)
            _check_group(catalogs, runner, result)
    return result


def _check_group(catalogs: list[tuple[str, polib.POFile]], runner: CheckRunner, result: QAResult) -> None:
    items = []
    for path, po in catalogs:
        for entry in iter_entries(po):
            entry.qa_path = path
            items.append((path, entry, entry_pairs(entry)))
    runner.prepare(e for _, e, _ in items)
    context = runner.context
    per_entry = _run_checks(items, runner)
    for (path, entry, _), findings in zip(items, per_entry):
        record = _record(path, entry)
        record.source_lang, record.target_lang = context.source_lang, context.target_lang
        result.entries.append(record)
        record.risk = entry_risk((f for f, _ in findings), entry)
        for finding, target in findings:
            located = _locate(finding, record, target)
            record.findings.append(located)
            result.findings.append(located)


Item = tuple[str, polib.POEntry, list[tuple[str, str]]]
_WORK: tuple[list[Item], CheckRunner] | None = None


def _run_checks(items: list[Item], runner: CheckRunner) -> list[list[Located]]:
    """Findings per entry; a large catalogue is split over every core (forked workers
    inherit the prepared checks, so nothing big is pickled on the way in)."""
    global _WORK
    cores = _workers()
    if cores < 2 or len(items) < PARALLEL_MIN or not _can_fork():
        return [runner.check_entry(entry, pairs) for _, entry, pairs in items]
    import multiprocessing as mp

    _WORK = (items, runner)
    try:
        step = -(-len(items) // (cores * 4))
        chunks = [(start, min(start + step, len(items))) for start in range(0, len(items), step)]
        with mp.get_context("fork").Pool(min(cores, 8)) as pool:
            parts = pool.map(_chunk_findings, chunks)
    finally:
        _WORK = None
    return [findings for part in parts for findings in part]


def _can_fork() -> bool:
    import multiprocessing as mp  # here: its import (sockets, pickling) is a tenth of a small run's start-up

    return "fork" in mp.get_all_start_methods()


def _workers() -> int:
    """Processes to check with: ``L10N_WORKERS`` if set, else the cores this process may use
    (a run pinned to one core does not fork workers that would only take turns)."""
    value = os.environ.get("L10N_WORKERS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _chunk_findings(bounds: tuple[int, int]) -> list[list[Located]]:
    assert _WORK is not None
    items, runner = _WORK
    return [runner.check_entry(entry, pairs) for _, entry, pairs in items[bounds[0]:bounds[1]]]


def _record(path: str, entry: polib.POEntry) -> EntryRecord:
    return EntryRecord(path, entry.linenum, entry.msgctxt or "", entry.msgid, entry.msgstr, entry_status(entry),
                       comment_label(entry), _article(path, entry))


def _article(path: str, entry: polib.POEntry) -> str:
    for occ_path in occurrence_files(entry):
        if occ_path:
            return _stem(occ_path)
    return _stem(path)


@lru_cache(maxsize=4096)
def _stem(path: str) -> str:
    """``Path(path).stem``, cached: an article's forty entries name the same file, and
    building a Path per entry cost more than the cheaper checks."""
    return Path(path).stem


def _locate(finding: Finding, record: EntryRecord, target: str) -> Finding:
    return replace(finding, path=record.path, line=record.line, msgctxt=record.msgctxt,
                   msgid=record.msgid, msgstr=target, article=record.article)
