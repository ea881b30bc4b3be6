"""l10n: Norwegian news articles to finished, human-reviewed translations."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import L10nError  # noqa: E402
from .segment import split_sentences  # noqa: E402

__all__ = ["L10nError", "split_sentences", "__version__"]
