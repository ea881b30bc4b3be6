"""QA reports: text for terminals, JSON for CI, a self-contained HTML page for editors.

JSON format, version 1 (stable; new keys may be added, none removed or renamed)::

    {
      "version": 1,
      "summary": {
        "files": int, "entries": int, "findings": int,
        "checks": [check ids that ran],
        "by_severity": {"error": int, "warning": int, "info": int},
        "by_check": {check id: int},
        "by_state": {"translated": int, "fuzzy": int, "untranslated": int},
        "by_article": {article: {"entries", "error", "warning", "info",
                                 "translated", "fuzzy", "untranslated": int}}
      },
      "findings": [{
        "path": str, "line": int, "msgctxt": str | null,
        "msgid": str, "msgstr": str,          # source and target text checked
        "check": str,                         # id from `l10n qa --list-checks`
        "severity": "error" | "warning" | "info",
        "message": str,
        "span": [start, end] | null,          # offsets into msgid or msgstr ...
        "side": "source" | "target",          # ... as named here
        "suggestion": str | null,
        "article": str                        # article slug (from occurrences) or PO file stem
      }],
      "entries": [{                           # entries at risk, riskiest first (l10n.risk)
        "path": str, "line": int, "msgctxt": str | null, "msgid": str, "article": str,
        "risk": float,                        # 0-100
        "reasons": [{"reason": str, "weight": float}]   # each piece of evidence
      }]
    }
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html import escape
from typing import Any

from .checks.base import Finding
from .qa import EntryRecord, QAResult

JSON_VERSION = 1
_ANSI = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m", "dim": "\033[2m", "reset": "\033[0m"}


def render_json(result: QAResult) -> str:
    data = {"version": JSON_VERSION, "summary": result.summary(), "findings": [f.as_dict() for f in result.findings],
            "entries": [_risk_dict(rec) for rec in by_risk(result.entries)]}
    return _dumps(data) + "\n"


def _dumps(data: Any) -> str:
    """Indented JSON, UTF-8 as written: orjson's C encoder, because the standard library's
    drops to pure Python once ``indent`` is given, and a large catalogue's report (thousands
    of findings) then took longer to encode than several checks took to find them."""
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:  # a value orjson has no form for (a lone surrogate): json decides
        return json.dumps(data, ensure_ascii=False, indent=2)


def by_risk(entries: list[EntryRecord]) -> list[EntryRecord]:
    """Entries with any risk, riskiest first (catalogue order among equals)."""
    return sorted((r for r in entries if r.risk is not None and r.risk.score > 0), key=lambda r: -r.risk.score)


def _risk_dict(rec: EntryRecord) -> dict[str, Any]:
    risk = rec.risk.as_dict() if rec.risk else {"score": 0.0, "reasons": []}
    return {"path": rec.path, "line": rec.line, "msgctxt": rec.msgctxt or None, "msgid": rec.msgid,
            "article": rec.article, "risk": risk["score"], "reasons": risk["reasons"]}


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    """Control characters as visible escapes: article text must not drive the terminal (ESC sequences)."""
    return _CONTROL.sub(lambda m: "\\n" if m.group(0) == "\n" else f"\\x{ord(m.group(0)):02x}", text)


def _highlight(text: str, span: tuple[int, int] | None, color: bool, severity: str) -> str:
    if not span:
        return _safe(text)
    start, end = max(0, span[0]), min(len(text), span[1])
    if end <= start:
        end = min(len(text), start + 1)
    before, part, after = _safe(text[:start]), _safe(text[start:end]), _safe(text[end:])
    if color:
        return f"{before}{_ANSI[severity]}\033[4m{part}{_ANSI['reset']}{after}"
    return f"{before}⟦{part}⟧{after}"


def _finding_lines(f: Finding, color: bool) -> list[str]:
    sev = f"{_ANSI[f.severity]}{f.severity}{_ANSI['reset']}" if color else f.severity
    head = f"{_safe(f.path)}:{f.line}: {sev} [{f.check}] {_safe(f.message)}"
    src_span = f.span if f.side == "source" else None
    tgt_span = f.span if f.side == "target" else None
    lines = [head, f"    source: {_highlight(f.msgid, src_span, color, f.severity)}"]
    if f.msgstr:
        lines.append(f"    target: {_highlight(f.msgstr, tgt_span, color, f.severity)}")
    if f.suggestion:
        lines.append(f"    suggestion: {_safe(f.suggestion)}")
    return lines


def render_text(result: QAResult, color: bool = False) -> str:
    """Findings grouped by article, offending part marked, then per-article counts."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        groups[f.article].append(f)
    out: list[str] = []
    for article in sorted(groups):
        title = f"== {_safe(article)} =="
        out.append(f"\033[1m{title}{_ANSI['reset']}" if color else title)
        for f in sorted(groups[article], key=lambda x: (x.path, x.line)):
            out.extend(_finding_lines(f, color))
        out.append("")
    out.append(_counts_table(result))
    return "\n".join(out) + "\n"


def _counts_table(result: QAResult) -> str:
    rows = result.by_article()
    width = max([len(a) for a in rows] + [7])
    lines = [f"{'article':<{width}}  entries  errors  warnings  info  fuzzy  untranslated"]
    for article, c in rows.items():
        lines.append(f"{_safe(article):<{width}}  {c['entries']:>7}  {c['error']:>6}  {c['warning']:>8}  {c['info']:>4}  {c['fuzzy']:>5}  {c['untranslated']:>12}")
    s = result.summary()
    sev = s["by_severity"]
    lines.append(f"{len(result.files)} file(s), {s['entries']} entries: {sev['error']} error(s), {sev['warning']} warning(s), {sev['info']} info")
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
td,th{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f2f2f2}
td.src,td.tgt{width:31%}td.findings{min-width:18em}
mark.error{background:#ffc9c9}mark.warning{background:#ffe8a3}mark.info{background:#cdeaff}
.state{font-size:.85em;white-space:nowrap}.state.fuzzy{color:#a60}.state.untranslated{color:#b00}.state.translated{color:#070}
ul.f{margin:0;padding-left:1.1em;font-size:.9em}li.error{color:#b00}li.warning{color:#850}li.info{color:#057}
.summary td,.summary th{width:auto}
"""


def _marked(text: str, findings: list[Finding], side: str) -> str:
    """Escaped ``text`` with each finding's span on ``side`` wrapped in <mark>."""
    spans = sorted(((f.span[0], f.span[1], f) for f in findings if f.span and f.side == side), key=lambda s: (s[0], s[1]))
    out, pos = [], 0
    for start, end, f in spans:
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{f.severity}" title="{escape(f.check + ": " + f.message)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _row(rec: EntryRecord) -> str:
    items = "".join(
        f'<li class="{f.severity}"><b>{escape(f.check)}</b>: {escape(f.message)}'
        + (f" → <i>{escape(f.suggestion)}</i>" if f.suggestion else "") + "</li>"
        for f in rec.findings
    )
    return (
        f'<tr id="{escape(rec.article)}-{rec.line}"><td class="state {rec.state}">{escape(rec.state)}<br>'
        f"<small>{escape(rec.kind)} · line {rec.line}</small>{_risk_html(rec)}</td>"
        f'<td class="src" lang="{escape(rec.source_lang)}">{_marked(rec.msgid, rec.findings, "source")}</td>'
        f'<td class="tgt" lang="{escape(rec.target_lang)}">{_marked(rec.msgstr, rec.findings, "target")}</td>'
        f'<td class="findings"><ul class="f">{items}</ul></td></tr>'
    )


def render_html(result: QAResult, title: str = "l10n QA report") -> str:
    """One self-contained page: summary, then per article a source | translation table."""
    by_article: dict[str, list[EntryRecord]] = defaultdict(list)
    for rec in result.entries:
        by_article[rec.article].append(rec)
    counts = result.by_article()
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>",
             f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>", _summary_html(result, counts)]
    parts.append(_riskiest_html(result))
    for article in sorted(by_article):
        parts.append(f'<h2 id="article-{escape(article)}">{escape(article)}</h2>')
        parts.append("<table><tr><th>state</th><th>source</th><th>translation</th><th>findings</th></tr>")
        rows = sorted(by_article[article], key=lambda r: -(r.risk.score if r.risk else 0.0))  # riskiest first
        parts.extend(_row(rec) for rec in rows)
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _risk_html(rec: EntryRecord) -> str:
    if rec.risk is None or rec.risk.score <= 0:
        return ""
    return f'<br><small class="risk" title="{escape(rec.risk.explain())}">risk {rec.risk.score:.0f}</small>'


def _riskiest_html(result: QAResult, limit: int = 20) -> str:
    """The entries a reviewer should look at first, each linked to its row."""
    top = by_risk(result.entries)[:limit]
    if not top:
        return ""
    items = "".join(f'<li><a href="#{escape(r.article)}-{r.line}">{escape(r.article)}:{r.line}</a> risk '
                    f"{r.risk.score:.0f} — {escape(r.msgid[:80])}</li>" for r in top if r.risk)
    return f'<h2 id="riskiest">Riskiest entries</h2><ol class="riskiest">{items}</ol>'


def _summary_html(result: QAResult, counts: dict[str, dict[str, Any]]) -> str:
    sev = result.summary()["by_severity"]
    rows = "".join(
        f'<tr><td><a href="#article-{escape(a)}">{escape(a)}</a></td><td>{c["entries"]}</td><td>{c["error"]}</td>'
        f'<td>{c["warning"]}</td><td>{c["info"]}</td><td>{c["translated"]}</td><td>{c["fuzzy"]}</td><td>{c["untranslated"]}</td></tr>'
        for a, c in counts.items()
    )
    return (
        f"<p>{len(result.files)} file(s), {len(result.entries)} entries: <b>{sev['error']}</b> errors, "
        f"<b>{sev['warning']}</b> warnings, <b>{sev['info']}</b> info.</p>"
        '<table class="summary"><tr><th>article</th><th>entries</th><th>errors</th><th>warnings</th><th>info</th>'
        f"<th>translated</th><th>fuzzy</th><th>untranslated</th></tr>{rows}</table>"
    )


RENDERERS = {"text": render_text, "json": render_json, "html": render_html}
