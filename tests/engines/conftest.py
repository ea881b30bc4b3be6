"""Fixtures for engine tests: loopback fake services and a clean key environment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import fakeservers  # noqa: E402

from l10n.engines.registry import ENGINES, key_variable  # noqa: E402


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENGINES:
        monkeypatch.delenv(key_variable(name), raising=False)


@pytest.fixture
def serve() -> Iterator[Callable[[fakeservers.Responder], fakeservers.FakeServer]]:
    servers: list[fakeservers.FakeServer] = []

    def start(responder: fakeservers.Responder) -> fakeservers.FakeServer:
        server = fakeservers.FakeServer(responder).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def dead_url() -> str:
    return f"http://127.0.0.1:{fakeservers.free_port()}/"
