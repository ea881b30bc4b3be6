"""Markup a translation must carry over intact: placeholders, Markdown, line breaks, length limits."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .base import Check, CheckContext, Finding
from .text import MD_LINK_RE, mask

PLACEHOLDER_RE = re.compile(
    r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.\d+|\.\*)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcsp%]"  # printf
    r"|%\([\w]+\)[diouxXeEfFgGcrs]"  # python %(name)s
    r"|\{[\w.]*(?:![rsa])?(?::[^{}]*)?\}"  # python {name}
)
EMPHASIS_RE = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`")


class PlaceholderCheck(Check):
    """A lost or altered %s / {name} breaks the program or the template that fills it."""

    check_id = "placeholders"
    name = "Placeholders"
    description = "printf or Python format placeholders (%s, %(name)s, {name}) differ between source and translation."
    severity = "error"
    needs = "%{"  # nothing to compare without one of these

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        if "%" not in source + target and "{" not in source + target:
            return []
        flags = getattr(entry, "flags", ()) if entry is not None else ()
        if "%" in source and not any(f.endswith("-format") for f in flags) and not PLACEHOLDER_RE.search(source.replace("%%", "")):
            return []
        src = Counter(m.group(0) for m in PLACEHOLDER_RE.finditer(source) if m.group(0) != "%%")
        found = []
        for m in PLACEHOLDER_RE.finditer(target):
            if m.group(0) != "%%" and src[m.group(0)] <= 0:
                found.append(self.finding(f"placeholder {m.group(0)!r} is not in the source", m.span()))
            src[m.group(0)] -= 1
        missing = [p for p, n in src.items() if n > 0]
        if missing:
            found.append(self.finding(f"placeholder(s) {', '.join(missing)} missing from the translation", side="source"))
        return found


class MarkdownCheck(Check):
    """Articles are Markdown: a broken link or stray emphasis marker corrupts the published page."""

    check_id = "markdown"
    name = "Markdown"
    description = "Markdown links or emphasis/code markers differ in number between source and translation."
    severity = "error"
    needs = "[*_`"  # nothing to compare without one of these

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> list[Finding]:
        if not any(ch in source + target for ch in "[*_`"):
            return []
        found = []
        src_links, tgt_links = MD_LINK_RE.findall(source), list(MD_LINK_RE.finditer(target))
        if len(src_links) != len(tgt_links):
            span = tgt_links[0].span() if tgt_links else None
            found.append(self.finding(f"{len(src_links)} Markdown link(s) in the source, {len(tgt_links)} in the translation", span))
        src_marks = Counter(m.group(0) for m in EMPHASIS_RE.finditer(PLACEHOLDER_RE.sub(" ", mask(source))))
        tgt_marks = Counter(m.group(0) for m in EMPHASIS_RE.finditer(PLACEHOLDER_RE.sub(" ", mask(target))))
        for mark in set(src_marks) | set(tgt_marks):
            if src_marks[mark] != tgt_marks[mark]:
                found.append(self.finding(f"{src_marks[mark]} {mark!r} marker(s) in the source, {tgt_marks[mark]} in the translation"))
        return found


class NewlineCheck(Check):
    """Line breaks are layout (UI strings, Markdown hard breaks): their number must not change."""

    check_id = "newlines"
    name = "Line breaks"
    description = "The number of line breaks differs between source and translation."
    severity = "warning"
    needs = "\n"  # nothing to compare without one of these

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        if source.count("\n") == target.count("\n"):
            return None
        return self.finding(f"{source.count(chr(10))} line break(s) in the source, {target.count(chr(10))} in the translation")


class MaxLengthCheck(Check):
    """Headlines and captions often have a hard limit, set per entry with the flag ``max-length:N``."""

    check_id = "max-length"
    name = "Maximum length"
    description = "The translation is longer than the entry's max-length:N flag allows (off unless the flag is set)."
    severity = "error"
    default_disabled = True
    param_flag = "max-length"

    def check_single(self, source: str, target: str, entry: Any, context: CheckContext) -> Finding | None:
        limit = flag_value(entry, self.param_flag)
        if limit is None or len(target) <= limit:
            return None
        return self.finding(f"translation has {len(target)} characters, the limit is {limit}", (limit, len(target)))


def flag_value(entry: Any, name: str) -> int | None:
    """The integer of a ``name:N`` PO flag, or None."""
    for flag in getattr(entry, "flags", ()) if entry is not None else ():
        if flag.startswith(name + ":"):
            try:
                return int(flag.split(":", 1)[1])
            except ValueError:
                return None
    return None
