"""Shared helpers for engines that wrap deep-translator clients."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .base import Engine


def endpoint(url: str, default_path: str) -> str:
    """``url`` itself if it names a path, else ``url`` + ``default_path`` (for --engine-url)."""
    if urlsplit(url).path in ("", "/"):
        return url.rstrip("/") + "/" + default_path.lstrip("/")
    return url


class DeepTranslatorEngine(Engine):
    """An engine backed by one deep-translator client per thread and language pair.

    Clients are built with ``source="auto"`` and then given the already mapped
    codes through the (unvalidated) ``source``/``target`` setters, so our
    ``language_map`` decides the codes, not deep-translator's name tables.
    """

    def make_client(self) -> Any:
        raise NotImplementedError

    def client(self, source: str, target: str) -> Any:
        def build() -> Any:
            client = self.make_client()
            client.source, client.target = source, target
            return client

        return self.thread_client((source, target), build)

    def _translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        client = self.client(source, target)
        return [client.translate(text) for text in texts]
