"""The ``added-markup`` check: HTML tags, attributes or script URLs in a translation that
its source does not have (the rule itself is :func:`l10n.htmlguard.added_markup`)."""

from __future__ import annotations

from typing import Any

from ..htmlguard import added_markup
from .base import Check, CheckContext, Finding


class AddedMarkupCheck(Check):
    """Raw HTML (tags, attributes, script URLs) in the translation that the source lacks."""

    check_id = "added-markup"
    name = "Added markup"
    description = "The translation has HTML tags, attributes or script URLs the source does not have (never built)."
    severity = "error"
    needs = "<:"  # a tag or a script URL (htmlguard.added_markup looks no further without one)

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        return [self.finding(f"markup {text[:40]!r} is not in the source; the build will not use this translation",
                             (start, end)) for start, end, text in added_markup(source, target)]
