"""Project configuration: ``l10n.toml`` at the project root.

Commands find the file by walking up from the working directory, the way git
finds ``.git``; ``--project DIR`` overrides. Every section and key is checked
against :mod:`l10n.config_schema` when the file is read; each subsystem then
reads its own, already validated, section through :meth:`Config.section`.

What a valid file parsed to is kept in ``.l10n/config.json`` under a hash of the
file's bytes, so a command in an unchanged project reads it without loading the TOML
parser, the schema or the locale data (on a no-op ``l10n run`` those cost more than
the rest of reading the project). Any edit of l10n.toml changes the hash; a missing,
corrupt or foreign cache file is ignored and written again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "l10n.toml"
CACHE_PATH = ".l10n/config.json"
CACHE_FORMAT = 1

DEFAULT_TOML = """\
# l10n project settings. Paths are relative to this file.
[project]
name = "{name}"
source_language = "{source}"
target_languages = [{targets}]

[paths]
source = "source_articles"
locales = "locales"
build = "build"

[translate]
# engine = "libre"                  # google, mymemory, libre, microsoft, deepl, memory, argos, dummy
# engine_url = "http://127.0.0.1:5000/"
# workers = 8
# API keys are read only from L10N_<ENGINE>_KEY environment variables.

[glossary]
path = "glossary.csv"

[memory]
path = ".l10n/memory.sqlite"
fuzzy_threshold = 75

[build]
format = "md"
fallback = "source"

[review]
# reviewer = "Kari Nordmann <kari@example.org>"
"""


@dataclass
class Config:
    """Settings of one translation project, with paths resolved against its root."""

    root: Path
    source_language: str = "nb"
    target_languages: list[str] = field(default_factory=lambda: ["en"])
    name: str = "l10n"
    raw: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    cache_key: str = field(default="", repr=False, compare=False)  # l10n.toml's bytes, when not cached yet

    @property
    def source_dir(self) -> Path:
        return self.root / self.section("paths").get("source", "source_articles")

    @property
    def locales_dir(self) -> Path:
        return self.root / self.section("paths").get("locales", "locales")

    @property
    def build_dir(self) -> Path:
        return self.root / self.section("paths").get("build", "build")

    @property
    def templates_dir(self) -> Path:
        return self.locales_dir / "templates"

    def section(self, name: str) -> dict[str, Any]:
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"[{name}] must be a table", self.path)
        return value

    def resolve(self, value: str | Path) -> Path:
        """Resolve a path setting against the project root."""
        return (self.root / Path(value).expanduser()).resolve()

    def pot_path(self, slug: str) -> Path:
        return self.templates_dir / f"{slug}.pot"

    def po_path(self, lang: str, slug: str) -> Path:
        return self.locales_dir / lang / "LC_MESSAGES" / f"{slug}.po"

    def languages(self, lang: str | None) -> list[str]:
        """The target languages a command works on: one chosen or all configured."""
        if lang is None:
            return list(self.target_languages)
        from .languages import normalize

        return [normalize(lang, "--lang")]


def find_config(start: Path | None = None) -> Path:
    """Walk up from ``start`` to the nearest l10n.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise ConfigError(f"no {CONFIG_NAME} found in {here} or any parent folder (run 'l10n init' or pass --project)")


def load_config(project: Path | None = None, start: Path | None = None) -> Config:
    """Read and validate l10n.toml from ``project`` (a folder or the file) or by search."""
    if project is not None:
        path = project / CONFIG_NAME if project.is_dir() else project
        if not path.is_file():
            raise ConfigError(f"no {CONFIG_NAME} here", path)
    else:
        path = find_config(start)
    data = path.read_bytes()
    root = path.parent.resolve()
    key = _cache_key(data)
    cached = _cached(root, key)
    if cached is not None:
        raw, source, targets = cached
        return _config(raw, path, root, source, targets)
    config = parse_config(data, path)
    config.cache_key = key
    remember(config)
    return config


def remember(config: Config) -> None:
    """Keep what l10n.toml parsed to in the project's state folder, if there is one by now (a
    command that made it, like the first ``l10n run``, calls this again at its end)."""
    if config.cache_key and _store(config.root, config.cache_key, config):
        config.cache_key = ""


def parse_config(data: bytes, path: Path) -> Config:
    """Parse and validate the bytes of l10n.toml (no cache)."""
    import tomllib

    from .config_schema import validate

    try:
        text = data.decode("utf-8-sig")  # Notepad saves a byte-order mark
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError("file is not UTF-8", path) from exc
    except tomllib.TOMLDecodeError as exc:
        import re

        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {detail}", path, int(m.group(1)) if m else None) from exc
    validate(raw, path, text)
    return _config_from_raw(raw, path, text)


def _config_from_raw(raw: dict[str, Any], path: Path, text: str = "") -> Config:
    project = raw.get("project", {})
    source = project.get("source_language", "nb")
    targets = project.get("target_languages", ["en"])
    if isinstance(targets, str):
        targets = [targets]
    source = _language(source, "source_language", path, text)
    targets = [_language(t, "target_languages", path, text) for t in targets]
    return _config(raw, path, path.parent.resolve(), source, targets)


def _config(raw: dict[str, Any], path: Path, root: Path, source: str, targets: list[str]) -> Config:
    name = str(raw.get("project", {}).get("name", root.name))
    return Config(root=root, source_language=source, target_languages=targets, name=name, raw=raw, path=path)


def _language(code: str, key: str, path: Path, text: str) -> str:
    from .languages import normalize

    try:
        return normalize(code, f"project.{key}")
    except ConfigError as exc:
        from .config_schema import locate

        raise ConfigError(exc.message, path, locate(text, "project", key)) from exc


# --- the parsed-file cache -------------------------------------------------------------------

def _cache_key(data: bytes) -> str:
    from . import __version__
    from .fsutil import digest

    return f"{__version__}:{digest(data)}"  # a new release may read the same file differently


def _cached(root: Path, key: str) -> tuple[dict[str, Any], str, list[str]] | None:
    """(raw, source, targets) saved for exactly these bytes, or None."""
    try:
        entry = json.loads((root / CACHE_PATH).read_bytes())
        if entry["format"] != CACHE_FORMAT or entry["key"] != key:
            return None
        raw, source, targets = entry["raw"], entry["source"], entry["targets"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    ok = (isinstance(raw, dict) and all(isinstance(v, dict) for v in raw.values()) and isinstance(source, str)
          and isinstance(targets, list) and all(isinstance(t, str) for t in targets))
    return (raw, source, targets) if ok else None


def _store(root: Path, key: str, config: Config) -> bool:
    """Keep what the file parsed to, when the project has a state folder and the values are
    plain JSON (TOML dates are not); a failure to write is no error. True if written."""
    folder = root / CACHE_PATH.rsplit("/", 1)[0]
    if not folder.is_dir():
        return False
    entry = {"format": CACHE_FORMAT, "key": key, "raw": config.raw, "source": config.source_language,
             "targets": config.target_languages}
    try:
        data = json.dumps(entry, ensure_ascii=False, allow_nan=False)
        if json.loads(data)["raw"] != config.raw:
            return False
        from .fsutil import atomic_write_bytes

        atomic_write_bytes(root / CACHE_PATH, data.encode("utf-8"), durable=False)
    except Exception:  # noqa: BLE001 - unserialisable values or a read-only folder: no cache
        return False
    return True
