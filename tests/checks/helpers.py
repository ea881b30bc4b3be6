"""One-line assertions for checks, after translate-toolkit's ``passes``/``fails``."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from l10n.checks.base import Check, CheckContext, Finding
from l10n.checks.registry import CHECK_IDS


def context(source_lang: str = "nb", target_lang: str = "en", glossary: Any = None) -> CheckContext:
    return CheckContext(source_lang, target_lang, glossary, frozenset(CHECK_IDS))


def entry(flags: tuple[str, ...] = (), comment: str = "") -> SimpleNamespace:
    return SimpleNamespace(flags=list(flags), comment=comment, msgctxt=None, linenum=1, qa_path="t.po")


def findings(check: Check, source: str, target: str, ctx: CheckContext | None = None, flags: tuple[str, ...] = ()) -> list[Finding]:
    return check.run(source, target, entry(flags), ctx or context())


def passes(check: Check, source: str, target: str, ctx: CheckContext | None = None, flags: tuple[str, ...] = ()) -> bool:
    return not findings(check, source, target, ctx, flags)


def fails(check: Check, source: str, target: str, ctx: CheckContext | None = None, flags: tuple[str, ...] = ()) -> bool:
    return bool(findings(check, source, target, ctx, flags))
