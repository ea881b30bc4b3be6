"""Interactive review of fuzzy and untranslated entries, as a library class.

The session knows nothing about terminals: a :class:`ReviewUI` (click in the
CLI, a script in tests) shows each :class:`EntryView` and returns a
:class:`Decision`. Every decision is saved at once: the catalogue is re-read,
changed and written atomically, and an accepted translation goes into the
translation memory straight away, so quitting or a crash loses nothing and a
catalogue edited in Poedit or Weblate between two steps is simply picked up.
No state is kept anywhere else.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

import polib

from .catalog import entry_key, iter_entries, now_stamp, read_catalog
from .checks.base import CheckContext
from .checks.runner import CheckRunner
from .risk import entry_risk
from .entrymeta import is_fuzzy, mark_reviewed, provenance, reviewed_line
from .errors import CatalogError
from .glossary import Glossary, check_translation
from .locking import edit_catalog

if TYPE_CHECKING:
    from .config import Config
    from .memory import Match, TranslationMemory

ACCEPT, EDIT, SKIP, BACK, QUIT = "accept", "edit", "skip", "back", "quit"
ACTIONS = (ACCEPT, EDIT, SKIP, BACK, QUIT)


@dataclass(frozen=True)
class ReviewItem:
    """Where an entry lives: catalogue, target language and (msgctxt, msgid)."""

    path: Path
    lang: str
    key: tuple[str, str]


@dataclass
class EntryView:
    """Everything a reviewer needs to decide on one entry."""

    position: int
    total: int
    path: Path
    lang: str
    source: str
    target: str
    fuzzy: bool
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    provenance: list[str] = field(default_factory=list)
    previous_source: str = ""
    matches: list[Match] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    reviewed_by: str = ""

    @property
    def state(self) -> str:
        if not self.target:
            return "untranslated"
        return "fuzzy" if self.fuzzy else "reviewed"


@dataclass(frozen=True)
class Decision:
    action: str
    text: str | None = None


class ReviewUI(Protocol):
    """What a front end provides: show an entry, ask for a decision, tell the user something."""

    def show(self, view: EntryView) -> None: ...

    def decide(self, view: EntryView) -> Decision: ...

    def notify(self, message: str) -> None: ...


@dataclass
class ReviewSummary:
    accepted: int = 0
    edited: int = 0
    skipped: int = 0
    remaining: int = 0
    quit: bool = False


def default_reviewer(config: Config | None = None, override: str | None = None) -> str:
    """``--reviewer``, else ``[review] reviewer`` in l10n.toml, else the login name."""
    if override:
        return override
    if config is not None:
        configured = config.section("review").get("reviewer")
        if isinstance(configured, str) and configured.strip():
            return configured.strip()
    try:
        return os.environ.get("L10N_REVIEWER") or getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


ORDERS = ("catalogue", "risk")
SKIPPED_CHECKS = ("fuzzy", "untranslated")  # every entry under review is one or the other


def qa_findings(entry: polib.POEntry, catalog: list[polib.POEntry], source_lang: str, target_lang: str,
                glossary: Glossary | None) -> list[str]:
    """The QA findings ``l10n qa`` reports for this entry (the same runner), judged against its
    catalogue; a check that crashes shows as an error finding, it never hides the others."""
    runner = CheckRunner(CheckContext(source_lang, target_lang, glossary), exclude=SKIPPED_CHECKS)
    runner.prepare(catalog)
    return [f"{f.severity}: {f.message} [{f.check}]" for f, _ in runner.check_entry(entry)]


def _risk_score(entry: polib.POEntry, runner: CheckRunner | None) -> float:
    if runner is None:
        return 0.0
    findings = [f for f, _ in runner.check_entry(entry)] if entry.msgstr else []
    return entry_risk(findings, entry).score


def _find(po: polib.POFile, key: tuple[str, str]) -> polib.POEntry | None:
    return next((e for e in iter_entries(po) if entry_key(e) == key), None)


def needs_review(entry: polib.POEntry) -> bool:
    return not entry.obsolete and (entry.fuzzy or not entry.msgstr) and not entry.msgid_plural


class ReviewSession:
    """Review the fuzzy and untranslated entries of some catalogues, one decision at a time."""

    def __init__(
        self,
        catalogs: list[tuple[Path, str]],
        source_lang: str,
        reviewer: str,
        *,
        tm: TranslationMemory | None = None,
        glossary: Glossary | None = None,
        neighbours: int = 2,
        today: Callable[[], str] = lambda: date.today().isoformat(),
        order: str = "catalogue",
    ) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown review order {order!r}; choose from {', '.join(ORDERS)}")
        self.order = order
        self.catalogs = catalogs
        self.source_lang = source_lang
        self.reviewer = reviewer
        self.tm = tm
        self.glossary = glossary or Glossary([])
        self.neighbours = neighbours
        self.today = today

    @classmethod
    def from_project(cls, config: Config, lang: str | None = None, article: str | None = None, **kwargs: object) -> ReviewSession:
        """A session over a project's catalogues for ``lang`` (default: every target language)."""
        catalogs = []
        for target in config.languages(lang):
            catalogs += [(p, target) for p in project_catalogs(config, target, article)]
        reviewer = kwargs.pop("reviewer", None) or default_reviewer(config)
        return cls(catalogs, config.source_language, str(reviewer), **kwargs)  # type: ignore[arg-type]

    def pending(self, order: str | None = None) -> list[ReviewItem]:
        """Entries waiting for review, in catalogue order or (``order="risk"``) riskiest first."""
        items: list[tuple[float, ReviewItem]] = []
        by_risk = (order or self.order) == "risk"
        for path, lang in self.catalogs:
            po = read_catalog(path)
            entries = list(iter_entries(po))
            runner = None
            if by_risk:
                runner = CheckRunner(CheckContext(self.source_lang, lang, self.glossary), exclude=SKIPPED_CHECKS)
                runner.prepare(entries)
            for e in entries:
                if needs_review(e):
                    items.append((_risk_score(e, runner), ReviewItem(path, lang, entry_key(e))))
        if by_risk:
            items.sort(key=lambda pair: -pair[0])  # stable: catalogue order among equals
        return [item for _, item in items]

    def view(self, item: ReviewItem, position: int = 0, total: int = 0) -> EntryView | None:
        """The entry as it is in the file now (None if it has gone)."""
        po = read_catalog(item.path)
        entries = list(iter_entries(po))
        index = next((i for i, e in enumerate(entries) if entry_key(e) == item.key), None)
        if index is None:
            return None
        entry = entries[index]
        n = self.neighbours
        view = EntryView(
            position, total, item.path, item.lang, entry.msgid, entry.msgstr, is_fuzzy(entry),
            before=[e.msgid for e in entries[max(0, index - n):index]],
            after=[e.msgid for e in entries[index + 1:index + 1 + n]],
            provenance=provenance(entry),
            previous_source=entry.previous_msgid or "",
            reviewed_by=reviewed_line(entry),
        )
        self._add_hints(view, entry, entries)
        return view

    def _add_hints(self, view: EntryView, entry: polib.POEntry, catalog: list[polib.POEntry]) -> None:
        if self.tm is not None:
            view.matches = self.tm.lookup(view.source, self.source_lang, view.lang, limit=3)
        glossary = self.glossary.for_language(view.lang)  # this language pair's terms only
        for match in glossary.find(view.source):
            view.terms.append(f"{match.form} → {match.term.target_for(match.form)} ({match.term.type})")
        if not view.target:
            return
        view.findings = qa_findings(entry, catalog, self.source_lang, view.lang, glossary)

    def apply(self, item: ReviewItem, decision: Decision) -> str | None:
        """Save an accept or edit; returns an error message instead of saving when impossible."""
        with edit_catalog(item.path) as po:  # under the catalogue lock: a concurrent writer merges, never reverts
            return self._apply(po, item, decision)

    def _apply(self, po: polib.POFile, item: ReviewItem, decision: Decision) -> str | None:
        entry = _find(po, item.key)
        if entry is None:
            return "this entry is no longer in the catalogue (edited elsewhere?)"
        text = decision.text if decision.action == EDIT else entry.msgstr
        if text is None or not text.strip():
            return "nothing to accept: the translation is empty (edit it first)"
        if decision.action == EDIT:  # new text the reviewer has not seen checked: a known wrong
            # rendering must not become reviewed and feed the TM (an accepted one was shown as a finding)
            forbidden = [v.message for v in check_translation(self.glossary.for_language(item.lang), entry.msgid, text) if v.kind == "forbidden"]
            if forbidden:
                return "not saved: glossary: " + "; ".join(forbidden) + " (edit again, or change the glossary)"
        entry.msgstr = text
        mark_reviewed(entry, self.reviewer, self.today())
        po.metadata["PO-Revision-Date"] = now_stamp()
        po.metadata["Last-Translator"] = self.reviewer
        if self.tm is not None:
            self.tm.add(entry.msgid, text, self.source_lang, item.lang, origin=item.path.name,
                        reviewer=self.reviewer, context=entry.msgctxt or "")
        return None

    def run(self, ui: ReviewUI) -> ReviewSummary:
        """Drive the UI through the pending entries until they run out or the user quits."""
        items = self.pending()
        summary = ReviewSummary()
        decided: set[int] = set()
        index = 0
        while 0 <= index < len(items):
            view = self.view(items[index], index + 1, len(items))
            if view is None or (view.state == "reviewed" and index not in decided):
                index += 1  # gone, or reviewed in another tool meanwhile
                continue
            ui.show(view)
            decision = ui.decide(view)
            if decision.action == QUIT:
                summary.quit = True
                break
            index = self._step(items, index, decision, ui, summary, decided)
        summary.remaining = len(self.pending("catalogue"))
        return summary

    def _step(self, items: list[ReviewItem], index: int, decision: Decision, ui: ReviewUI,
              summary: ReviewSummary, decided: set[int]) -> int:
        if decision.action == BACK:
            if index == 0:
                ui.notify("already at the first entry")
            return max(0, index - 1)
        if decision.action == SKIP:
            summary.skipped += 1
            return index + 1
        if decision.action not in (ACCEPT, EDIT):
            ui.notify(f"unknown action {decision.action!r}")
            return index
        problem = self.apply(items[index], decision)
        if problem:
            ui.notify(problem)
            return index
        decided.add(index)
        if decision.action == EDIT:
            summary.edited += 1
        else:
            summary.accepted += 1
        return index + 1


def project_catalogs(config: Config, lang: str, article: str | None = None) -> list[Path]:
    """The catalogues of one language, or of one article (a slug or a .po path)."""
    if article:
        candidate = Path(article)
        path = candidate if candidate.suffix == ".po" and candidate.exists() else config.po_path(lang, candidate.stem)
        if not path.exists():
            raise CatalogError(f"no catalogue for article {article!r} in language {lang}", path)
        return [path]
    return sorted((config.locales_dir / lang / "LC_MESSAGES").glob("*.po"))
