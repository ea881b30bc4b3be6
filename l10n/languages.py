"""One home for language codes: validation, the alias table, matching and Babel locales.

Two questions come up everywhere and have one answer each here:

* :func:`normalize` — is this a language code at all, and what is its canonical BCP 47
  spelling (``nb_NO`` → ``nb-NO``)? Used for everything a user types (l10n.toml, ``--lang``).
* :func:`base` — which language's data applies (``no``, ``nob``, ``nb-NO`` → ``nb``)? Used to
  pick segmentation rules and QA word lists and to match TMX/TBX language tags.

The aliases live in ``l10n/data/language-aliases.tsv``. This module imports nothing else of
l10n except the error classes, so any module may use it without an import cycle.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from .errors import ConfigError, L10nError
from .fsutil import package_data

ALIASES_FILE = "language-aliases.tsv"


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """alias → primary code, from the packaged table."""
    table: dict[str, str] = {}
    for line in package_data(ALIASES_FILE).splitlines():
        if line.strip() and not line.startswith("#"):
            alias, code = line.split("\t")
            table[alias.strip()] = code.strip()
    return table


def _tag(code: str) -> str:
    return (code or "").strip().replace("_", "-")


def normalize(code: str, where: str = "language", error: type[L10nError] = ConfigError) -> str:
    """The canonical BCP 47 spelling of a language code (``nb``, ``en``, ``pt-BR``); an unknown
    code raises ``error`` naming ``where`` the code came from."""
    try:
        locale = Locale.parse(_tag(code).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError) as exc:
        raise error(f"unknown language code {code!r} ({where})") from exc
    return str(locale).replace("_", "-")


def base(code: str) -> str:
    """The primary language subtag, aliases folded (``NB_no``, ``no``, ``nob`` → ``nb``)."""
    primary = _tag(code).lower().split("-", 1)[0]
    return aliases().get(primary, primary)


def same_language(code: str, wanted: str) -> bool:
    """Whether a tag found in a file (``code``) is the language asked for (``wanted``):
    ``nb-NO``, ``nb_NO``, ``no`` match ``nb``; ``en-GB`` matches ``en``, but ``en`` does not
    match ``en-GB`` (a regional request wants that region)."""
    a, b = _tag(code).lower(), _tag(wanted).lower()
    if a == b or a.startswith(b + "-"):
        return True
    return "-" not in b and base(a) == base(b)


def babel_locale(code: str) -> Locale:
    """The Babel locale of a BCP 47 code (plural rules, number symbols, display names)."""
    return Locale.parse(_tag(code).replace("-", "_"))


def po_language(code: str) -> str:
    """The spelling of a PO ``Language`` header (``pt_BR``)."""
    return _tag(code).replace("-", "_")


def from_po_language(value: str) -> str:
    """A PO ``Language`` header value as a BCP 47 tag (``pt_BR`` → ``pt-BR``)."""
    return _tag(value)
