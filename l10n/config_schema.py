"""What l10n.toml may hold: every section, every key, its type and its limits.

A setting is validated once, when the file is read, so a mistake is one line naming the
file, the line, the key and what is expected (``workers = "eight"``, ``source = ["a"]``,
``workers = -3``), and an unknown section or key gets a did-you-mean instead of being
ignored. A new setting is added here, next to its description.

Engines may take extra ``[translate]`` keys (their ``settings`` attribute); those are
looked up in the engine registry only when a key is not listed here, so reading the file
does not load the engines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError

# Kept equal to l10n.assemble.FORMATS / FALLBACKS (a test holds them together); importing
# assemble here would load the segmenter for every command.
BUILD_FORMATS = ("md", "html", "txt")
BUILD_FALLBACKS = ("source", "mark", "none")
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")  # what paths.source holds (l10n.article reads them)


@dataclass(frozen=True)
class Setting:
    """One key: a predicate on the TOML value and the words that say what it must be."""

    expected: str
    accepts: Callable[[Any], bool]


def _string(value: Any) -> bool:
    return isinstance(value, str)


def _nonempty(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _integer(low: int, high: int | None = None) -> Setting:
    words = f"a whole number from {low} to {high}" if high is not None else f"a whole number of {low} or more"
    return Setting(words, lambda v: isinstance(v, int) and not isinstance(v, bool)
                   and v >= low and (high is None or v <= high))


def _number(low: float, strict: bool = False) -> Setting:
    words = f"a number above {low:g}" if strict else f"a number of {low:g} or more"
    return Setting(words, lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
                   and (v > low if strict else v >= low))


def _choice(*values: str) -> Setting:
    return Setting("one of " + ", ".join(f'"{v}"' for v in values), lambda v: v in values)


STRING = Setting("a string", _string)
PATH = Setting("a path (a non-empty string)", _nonempty)
BOOL = Setting("true or false", lambda v: isinstance(v, bool))
LANGUAGE = Setting('a language code such as "nb"', _nonempty)
LANGUAGES = Setting('a language code or a non-empty list of them, such as ["en", "de"]',
                    lambda v: _nonempty(v) or (isinstance(v, list) and bool(v) and all(_nonempty(x) for x in v)))

SCHEMA: dict[str, dict[str, Setting]] = {
    "project": {"name": STRING, "source_language": LANGUAGE, "target_languages": LANGUAGES},
    "paths": {"source": PATH, "locales": PATH, "build": PATH},
    "translate": {
        "engine": Setting("an engine name such as \"libre\"", _nonempty),
        "engine_url": Setting("a URL such as \"http://127.0.0.1:5000/\"", _nonempty),
        "workers": _integer(1, 256),
        "timeout": _number(0, strict=True),
        "rate_limit": _number(0),
        "retries": _integer(0, 100),
        "max_cost": _number(0),
        "cost_per_million": _number(0),
        "cache": BOOL,
        "cache_path": PATH,
        "model": Setting("a model name", _nonempty),
        "email": STRING,
        "region": STRING,
    },
    "glossary": {"path": Setting('a path, or "" for no glossary', _string)},
    "memory": {"path": Setting('a path, or "" for no memory', _string), "fuzzy_threshold": _integer(0, 100), "enabled": BOOL},
    "build": {"format": _choice(*BUILD_FORMATS), "fallback": _choice(*BUILD_FALLBACKS)},
    "review": {"reviewer": STRING},
}


def validate(raw: dict[str, Any], path: Path, text: str = "") -> None:
    """Raise ConfigError for the first mistake in ``raw`` (``text`` locates it by line)."""
    for section, table in raw.items():
        keys = SCHEMA.get(section)
        if keys is None and not isinstance(table, dict):
            homes = [f"{name}.{section}" for name, known in SCHEMA.items() if section in known]
            hint = f"; did you mean {homes[0]} (under [{homes[0].split('.')[0]}])?" if homes else ""
            raise ConfigError(f"unknown key {section} outside any section{hint}", path, locate(text, None, section))
        if keys is None:
            raise ConfigError(f"unknown section [{section}]{_hint(section, SCHEMA, '[{}]')}", path, locate(text, section))
        if not isinstance(table, dict):
            raise ConfigError(f"[{section}] must be a table of settings, got {_shown(table)}", path, locate(text, None, section))
        for key, value in table.items():
            setting = keys.get(key) or _engine_setting(section, key)
            if setting is None:
                known = {**keys, **dict.fromkeys(_engine_keys() if section == "translate" else ())}
                raise ConfigError(f"unknown key {section}.{key}{_hint(key, known, '{}')}", path, locate(text, section, key))
            if not setting.accepts(value):
                raise ConfigError(f"{section}.{key} must be {setting.expected}, got {_shown(value)}",
                                  path, locate(text, section, key))


def _hint(name: str, known: dict[str, Any], style: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {style.format(close[0])}?"
    return "; known: " + ", ".join(style.format(k) for k in known)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _engine_keys() -> tuple[str, ...]:
    from .engines import ENGINES

    return tuple(dict.fromkeys(k for cls in ENGINES.values() for k in getattr(cls, "settings", ())))


def _engine_setting(section: str, key: str) -> Setting | None:
    """An extra ``[translate]`` key some engine declares (its own code checks the value)."""
    if section != "translate" or key not in _engine_keys():
        return None
    return Setting("a value", lambda v: True)


_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def locate(text: str, section: str | None, key: str | None = None) -> int | None:
    """The line of ``[section]`` (or of ``key`` inside it) in the file's text, if found."""
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1)
            if key is None and current == section:
                return number
            continue
        m = _KEY.match(line)
        if m and key is not None and current == section and m.group(1) == key:
            return number
        if m and section is None and current is None and m.group(1) == key:
            return number
    return None
