"""Exception hierarchy: every failure a user can cause is an ``L10nError``.

The CLI turns these into one-line ``Error: …`` messages with exit status 1,
so each message must say what went wrong and where (file and line).
"""

from __future__ import annotations

from pathlib import Path


class L10nError(Exception):
    """Base class for errors the user can act on."""


class LocatedError(L10nError):
    """An error tied to a place in a file, shown as ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, lineno: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.lineno = lineno
        super().__init__(self._format())

    def _format(self) -> str:
        if self.path is None:
            return self.message
        if self.lineno is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.lineno}: {self.message}"


class WriteError(LocatedError):
    """An output file cannot be written (read-only folder, disk full, …)."""


class ConfigError(LocatedError):
    """l10n.toml is missing, unreadable or holds a bad value."""


class ArticleError(LocatedError):
    """A source article cannot be read or parsed."""


class SegmentationError(L10nError):
    """Segmentation rules are invalid or a language has none."""


class CatalogError(LocatedError):
    """A PO/POT file is missing or malformed."""


class GlossaryError(LocatedError):
    """A glossary file or row is malformed."""


class TMError(LocatedError):
    """The translation memory store or an exchange file is unusable."""


class EngineError(L10nError):
    """A machine translation engine failed or is misconfigured."""


class UnsupportedLanguageError(EngineError):
    """The engine cannot translate this language pair."""


class RateLimitError(EngineError):
    """The engine asked us to slow down (HTTP 429)."""


class AssemblyError(LocatedError):
    """A translated article cannot be rebuilt."""


class QAError(L10nError):
    """QA was asked for something impossible (unknown check id, bad flag)."""
