"""Consistency: one source sentence, one translation, across every catalogue checked."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from .base import Check, CheckContext, Finding


def _norm(text: str) -> str:
    return " ".join(text.split())


class ConsistencyCheck(Check):
    """Readers notice when the same sentence (a credit, a standard phrase) reads differently."""

    check_id = "inconsistent"
    name = "Inconsistent"
    description = "The same source sentence is translated differently elsewhere in the catalogues checked."
    severity = "warning"

    def prepare(self, pairs: Iterable[tuple[str, str, Any]], context: CheckContext) -> None:
        seen: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(dict)
        for source, target, entry in pairs:
            if not target.strip():
                continue
            seen[(getattr(entry, "msgctxt", None) or "", _norm(source))].setdefault(_norm(target), []).append(entry)
        # where each entry is, written out only for the sources translated more than one way
        context.data["consistency"] = {s: {t: [_where(e) for e in entries] for t, entries in t_.items()}
                                       for s, t_ in seen.items() if len(t_) > 1}

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        key = (getattr(entry, "msgctxt", None) or "", _norm(source))
        variants = context.data.get("consistency", {}).get(key)
        if not variants:
            return None
        others = [(t, places) for t, places in variants.items() if t != _norm(target)]
        if not others:
            return None
        text, places = max(others, key=lambda item: len(item[1]))
        more = f" (+{len(others) - 1} more variants)" if len(others) > 1 else ""
        return self.finding(f"translated differently at {places[0]}: {text!r}{more}", (0, len(target)))


def _where(entry: Any) -> str:
    path = getattr(entry, "qa_path", "") or ""
    line = getattr(entry, "linenum", "") or ""
    return f"{path}:{line}" if path else f"line {line}"
