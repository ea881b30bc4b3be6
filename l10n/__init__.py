"""l10n: Norwegian news articles to finished, human-reviewed translations."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .errors import L10nError  # noqa: E402

__all__ = ["L10nError", "split_sentences", "__version__"]


def __getattr__(name: str) -> Any:
    """``l10n.split_sentences`` without importing the segmenter for commands that never segment."""
    if name == "split_sentences":
        from .segment import split_sentences

        return split_sentences
    raise AttributeError(f"module 'l10n' has no attribute {name!r}")
