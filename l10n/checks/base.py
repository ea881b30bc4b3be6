"""The check framework: one class per check (Weblate's model), findings with spans.

A check sees one (source, target) pair at a time through :meth:`Check.check_single`
and returns the problems it found, each with the character span to highlight.
Checks that need the whole catalogue (consistency) also get :meth:`Check.prepare`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Iterable

from ..languages import base

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SOURCE_LANGS_NB = ("nb", "no", "nn")
IGNORE_ALL = "ignore-all-checks"


@dataclass(frozen=True)
class Finding:
    """One problem: what, how bad, where in the text (``side`` is ``target`` or ``source``)."""

    check: str
    severity: str
    message: str
    span: tuple[int, int] | None = None
    side: str = "target"
    suggestion: str = ""
    path: str = ""
    line: int = 0
    msgctxt: str = ""
    msgid: str = ""
    msgstr: str = ""
    article: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON form (see :mod:`l10n.report`)."""
        return {
            "path": self.path,
            "line": self.line,
            "msgctxt": self.msgctxt or None,
            "msgid": self.msgid,
            "msgstr": self.msgstr,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "span": list(self.span) if self.span else None,
            "side": self.side,
            "suggestion": self.suggestion or None,
            "article": self.article,
        }


@dataclass
class CheckContext:
    """What a check may know beyond the pair: languages, glossary, catalogue-wide facts."""

    source_lang: str = "nb"
    target_lang: str = "en"
    glossary: Any = None
    known_ids: frozenset[str] = frozenset()
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def nb_to_en(self) -> bool:
        return _nb_to_en(self.source_lang, self.target_lang)  # asked once per check per entry: cached


@lru_cache(maxsize=256)
def _nb_to_en(source_lang: str, target_lang: str) -> bool:
    return base(source_lang) in SOURCE_LANGS_NB and base(target_lang) == "en"


class Check:
    """Base class. Subclasses set the class attributes and implement :meth:`check_single`."""

    check_id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    default_disabled: ClassVar[bool] = False
    #: checks marked True run on untranslated (empty) targets too
    runs_on_empty: ClassVar[bool] = False
    #: None = any language pair; else predicate name on CheckContext, e.g. "nb_to_en"
    language_pair: ClassVar[str | None] = None

    #: for checks taking a value from a PO flag such as ``max-length:80``
    param_flag: ClassVar[str] = ""
    #: characters of which the source or the target must hold one for this check to find
    #: anything ("" = no such cheap test); the runner does not call it on other entries
    needs: ClassVar[str] = ""

    @property
    def ignore_flag(self) -> str:
        return f"ignore-{self.check_id}"

    def enabled_by(self, flags: set[str] | list[str]) -> bool:
        """Whether an entry's flags switch this (default-disabled) check on, as in Weblate."""
        return self.check_id in flags or bool(self.param_flag and any(f.startswith(self.param_flag + ":") for f in flags))

    def applies(self, context: CheckContext) -> bool:
        return self.language_pair is None or bool(getattr(context, self.language_pair))

    def should_skip(self, flags: set[str] | frozenset[str] | list[str], context: CheckContext | None = None,
                    *, chosen: bool = False) -> bool:
        """Whether this check stays silent on an entry with these PO flags: ``ignore-all-checks``
        or ``ignore-<id>``, a language pair it is not for, or (default-disabled checks) no flag
        such as ``max-length:N`` switching it on. ``chosen``: the user asked for this check by
        name (``qa --check ID``), so a default-disabled check runs without its flag."""
        if IGNORE_ALL in flags or self.ignore_flag in flags:
            return True
        if context is not None and not self.applies(context):
            return True
        return self.default_disabled and not chosen and not self.enabled_by(flags)

    def prepare(self, pairs: Iterable[tuple[str, str, Any]], context: CheckContext) -> None:
        """Called once with every (source, target, entry) before the single checks."""

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding] | Finding | None:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        span: tuple[int, int] | None = None,
        side: str = "target",
        suggestion: str = "",
        severity: str | None = None,
    ) -> Finding:
        return Finding(self.check_id, severity or self.severity, message, span, side, suggestion)

    def run(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        """:meth:`check_single` normalised to a list."""
        result = self.check_single(source, target, entry, context)
        if result is None:
            return []
        if isinstance(result, Finding):
            return [result]
        return list(result)
