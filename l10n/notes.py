"""Notes for the user that are not errors (a skipped file, an empty article).

Library code calls :func:`note`; the CLI shows each distinct note once on stderr as
``note: …``. Scripts using the library get them as ``logging`` records of the ``l10n``
logger (level WARNING), so nothing is printed behind their back.
"""

from __future__ import annotations

import logging

LOGGER = logging.getLogger("l10n")


def note(message: str) -> None:
    LOGGER.warning(message)


class OncePerMessage(logging.Filter):
    """Let each distinct message through once (discovery runs more than once per command)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if text in self.seen:
            return False
        self.seen.add(text)
        return True
