"""SRX 2.0 reading and writing, so users can bring or export segmentation rules.

SRX (Segmentation Rules eXchange, LISA/GALA) is what OmegaT and Okapi read.
Only the parts that matter for segmentation are kept: the ordered ``<rule>``
elements of each ``<languagerule>`` and the ``<maprules>`` that choose rule sets
by language code (with the header's ``cascade`` flag). Rule names, which SRX
has no attribute for, travel as an XML comment just before each rule.

SRX regexes are ICU/Java regexes; :func:`java_to_python` converts the common
constructs Python's ``re`` lacks (``\\p{Lu}``, ``\\x{…}``, ``(?<name>``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .errors import SegmentationError

SRX_NS = "http://www.lisa.org/srx20"
_Q = "{%s}" % SRX_NS


@dataclass(frozen=True)
class Rule:
    """One SRX rule: break (or not) where ``before`` ends and ``after`` starts."""

    name: str
    before: str
    after: str
    is_break: bool


@dataclass(frozen=True)
class SrxDocument:
    """The rule sets of an SRX file and the language map that selects them."""

    rulesets: dict[str, tuple[Rule, ...]]
    maps: tuple[tuple[str, str], ...]  # (languagepattern, languagerulename), in order
    cascade: bool = False

    def rules_for(self, lang: str) -> tuple[Rule, ...]:
        """The rules SRX applies to ``lang``: the first matching map, or all of them if cascading."""
        chosen: list[Rule] = []
        for pattern, name in self.maps:
            if not _pattern_matches(pattern, lang):
                continue
            if name not in self.rulesets:
                raise SegmentationError(f"SRX maps {pattern!r} to unknown languagerule {name!r}")
            chosen.extend(self.rulesets[name])
            if not self.cascade:
                break
        else:
            if not chosen:
                patterns = ", ".join(p for p, _ in self.maps) or "none"
                raise SegmentationError(f"no SRX language map matches {lang!r} (patterns: {patterns})")
        return tuple(chosen)


def _pattern_matches(pattern: str, lang: str) -> bool:
    try:
        return re.fullmatch(java_to_python(pattern), lang, re.IGNORECASE) is not None
    except re.error as exc:
        raise SegmentationError(f"bad SRX languagepattern {pattern!r}: {exc}") from exc


# ICU/Java property classes Python's re lacks, as class *contents* (usable inside [...]).
_PROPERTIES = {
    "Lu": "A-ZÀ-ÖØ-ÞĀ-ĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽΑ-ΩА-Я",
    "Ll": "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžα-ωа-я",
    "L": "A-Za-zÀ-ÖØ-öø-ɏΑ-ωА-я",
    "N": "0-9", "Nd": "0-9",
    "Z": " \u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000", "Zs": " \u00a0\u2000-\u200a\u202f\u205f\u3000",
    "P": "!-#%-*,-/:;?@\\[-\\]_{}¡§«¶·»¿‐-‧‰-⁞",
}
_PROP_RE = re.compile(r"\\([pP])\{(?:Is|gc=)?(\w+)\}")
_JAVA_HEX_RE = re.compile(r"\\x\{([0-9A-Fa-f]+)\}")


def java_to_python(pattern: str) -> str:
    """Translate the ICU/Java regex constructs SRX files use into Python ``re`` syntax."""
    pattern = _JAVA_HEX_RE.sub(lambda m: "\\U%08x" % int(m.group(1), 16), pattern)
    pattern = pattern.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
    out: list[str] = []
    depth = 0  # inside a character class?
    pos = 0
    for m in _PROP_RE.finditer(pattern):
        chunk = pattern[pos : m.start()]
        depth = _class_depth(chunk, depth)
        out.append(chunk)
        out.append(_property_class(m.group(1) == "P", m.group(2), inside=depth > 0))
        pos = m.end()
    out.append(pattern[pos:])
    return "".join(out)


def _class_depth(chunk: str, depth: int) -> int:
    """Track whether the end of ``chunk`` lies inside ``[...]`` (escapes skipped)."""
    i = 0
    while i < len(chunk):
        c = chunk[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        i += 1
    return depth


def _property_class(negated: bool, name: str, inside: bool) -> str:
    if name not in _PROPERTIES:
        raise SegmentationError(f"unsupported regex property \\p{{{name}}} in SRX rule")
    body = _PROPERTIES[name]
    if inside:
        if negated:
            raise SegmentationError(f"unsupported \\P{{{name}}} inside a character class in SRX rule")
        return body
    return f"[{'^' if negated else ''}{body}]"


def read_srx(source: str | Path) -> SrxDocument:
    """Parse SRX 2.0 from a path or an XML string; raise SegmentationError if it is not SRX."""
    text, where = _load(source)
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    try:
        root = ET.fromstring(text, parser=parser)
    except ET.ParseError as exc:
        raise SegmentationError(f"{where}: not well-formed XML ({exc})") from exc
    if root.tag not in (f"{_Q}srx", "srx"):
        raise SegmentationError(f"{where}: not an SRX file (root element is <{root.tag}>)")
    q = _Q if root.tag.startswith("{") else ""
    header = root.find(f"{q}header")
    cascade = header is not None and header.get("cascade", "no").lower() == "yes"
    rulesets = {lr.get("languagerulename", ""): _read_rules(lr, q, where) for lr in root.iter(f"{q}languagerule")}
    maps = tuple(
        (m.get("languagepattern", ""), m.get("languagerulename", "")) for m in root.iter(f"{q}languagemap")
    )
    if not rulesets:
        raise SegmentationError(f"{where}: SRX file has no <languagerule>")
    return SrxDocument(rulesets, maps, cascade)


def _load(source: str | Path) -> tuple[str, str]:
    if isinstance(source, Path):
        try:
            return source.read_text(encoding="utf-8"), str(source)
        except (OSError, UnicodeDecodeError) as exc:
            raise SegmentationError(f"{source}: cannot read SRX file ({exc})") from exc
    return source, "<srx>"


def _read_rules(languagerule: ET.Element, q: str, where: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    pending_name: str | None = None
    for child in languagerule:
        if child.tag is ET.Comment:
            pending_name = (child.text or "").strip().removeprefix("rule:").strip() or None
            continue
        if child.tag != f"{q}rule":
            continue
        before = child.findtext(f"{q}beforebreak") or ""
        after = child.findtext(f"{q}afterbreak") or ""
        is_break = child.get("break", "yes").lower() != "no"
        name = pending_name or f"{languagerule.get('languagerulename')}#{len(rules) + 1}"
        rules.append(Rule(name, java_to_python(before), java_to_python(after), is_break))
        pending_name = None
    return tuple(rules)


def write_srx(rulesets: dict[str, tuple[Rule, ...]], maps: list[tuple[str, str]]) -> str:
    """Serialise rule sets as an SRX 2.0 document (rule names become comments)."""
    from xml.sax.saxutils import escape, quoteattr  # here, not at import: it loads urllib, http and ssl (5 MiB)

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<srx xmlns="{SRX_NS}" version="2.0">',
        '  <header segmentsubflows="yes" cascade="no">',
        '    <formathandle type="start" include="no"/>',
        '    <formathandle type="end" include="yes"/>',
        '    <formathandle type="isolated" include="yes"/>',
        "  </header>",
        "  <body>",
        "    <languagerules>",
    ]
    for name, rules in rulesets.items():
        lines.append(f"      <languagerule languagerulename={quoteattr(name)}>")
        for rule in rules:
            lines.append(f"        <!-- rule: {rule.name.replace('--', '- -')} -->")
            lines.append(f'        <rule break="{"yes" if rule.is_break else "no"}">')
            lines.append(f"          <beforebreak>{escape(rule.before)}</beforebreak>")
            lines.append(f"          <afterbreak>{escape(rule.after)}</afterbreak>")
            lines.append("        </rule>")
        lines.append("      </languagerule>")
    lines += ["    </languagerules>", "    <maprules>"]
    for pattern, name in maps:
        lines.append(f"      <languagemap languagepattern={quoteattr(pattern)} languagerulename={quoteattr(name)}/>")
    lines += ["    </maprules>", "  </body>", "</srx>", ""]
    return "\n".join(lines)
