"""The project glossary kept in sync as a DeepL glossary.

DeepL applies a glossary on its side when a translate request names its
``glossary_id``, inflections and all, which beats hiding terms behind tokens.
A DeepL glossary cannot be edited, so each glossary *content* gets its own:
it is named ``l10n:<project>:<SRC>-<TGT>:<content hash>``, created the first
time that content is needed, reused by every later run (found by name), and
glossaries of the same project and language pair with another hash are
deleted as stale. Glossaries not named by l10n are never touched.

A DeepL glossary maps each source form to one target, so rows with several
approved renderings ("skal ha" → reportedly | is said to have) are left out:
they are grammar the engine must fit, and QA checks them afterwards.
"""

from __future__ import annotations

import threading
from typing import Any

from ..glossary import Glossary
from .request import digest

PREFIX = "l10n"
_BAD = ("\t", "\n", "\r")
_REFUSALS = (400, 404, 422)  # DeepL refused the glossary itself: translate without one


def glossary_entries(glossary: Glossary | None) -> dict[str, str]:
    """Source form → target for every pinned glossary form (genitive forms of names included)."""
    entries: dict[str, str] = {}
    for term in glossary.terms if glossary else ():
        if term.type == "term" and term.alternatives:
            continue
        for form in term.sources:
            target = term.target_for(form).strip()
            form = form.strip()
            if form and target and not any(c in form + target for c in _BAD):
                entries.setdefault(form, target)
    return entries


def glossary_name(project: str, source: str, target: str, entries: dict[str, str]) -> str:
    """The name that identifies one glossary content for one project and language pair."""
    content = digest(sorted(entries.items()), 16)
    return f"{_pair_prefix(project, source, target)}{content}"


def _pair_prefix(project: str, source: str, target: str) -> str:
    clean = "".join(c if c.isalnum() or c in "-_." else "_" for c in project) or "project"
    return f"{PREFIX}:{clean}:{source.upper()}-{target.upper()}:"


def base_language(code: str) -> str:
    """DeepL glossaries are per base language: EN-GB and EN-US share the EN glossary."""
    return code.split("-")[0].upper()


class GlossarySync:
    """Finds or creates the DeepL glossary for the current content, once per language pair per run.

    ``translator`` is a ``deepl.Translator``; calls are serialised, so worker threads that
    start at once create one glossary, not one each.
    """

    def __init__(self, glossary: Glossary | None, project: str) -> None:
        self.glossary = glossary
        self.project = project
        self._ids: dict[tuple[str, str], str | None] = {}
        self.problems: dict[tuple[str, str], str] = {}  # why a pair goes without (its terms are still checked)
        self._lock = threading.Lock()

    def glossary_id(self, translator: Any, source: str, target: str) -> str | None:
        """The id to send with translate requests from ``source`` to ``target`` (None: no glossary)."""
        pair = (base_language(source), base_language(target))
        with self._lock:
            if pair not in self._ids:
                try:
                    self._ids[pair] = self._sync(translator, *pair, self.entries_for(pair[1]))
                except Exception as exc:
                    if getattr(exc, "http_status_code", None) not in _REFUSALS:
                        raise  # 429, 5xx, a dead connection: the request fails and is retried
                    self._ids[pair] = None  # e.g. a language pair without glossary support
                    self.problems[pair] = str(exc)
            return self._ids[pair]

    def entries_for(self, target: str) -> dict[str, str]:
        """This target language's entries (terms tagged with another language are left out)."""
        glossary = self.glossary.for_language(target.lower()) if self.glossary else None
        return glossary_entries(glossary)

    def _sync(self, translator: Any, source: str, target: str, entries: dict[str, str]) -> str | None:
        if not entries:
            return None
        name = glossary_name(self.project, source, target, entries)
        prefix = _pair_prefix(self.project, source, target)
        current = None
        for info in translator.list_glossaries():
            if info.name == name and current is None and info.ready:
                current = info.glossary_id
            elif info.name.startswith(prefix):
                translator.delete_glossary(info.glossary_id)  # stale: the project glossary has changed
        if current is None:
            current = translator.create_glossary(name, source, target, entries).glossary_id
        return current
