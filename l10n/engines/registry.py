"""The explicit engine registry (no ``__subclasses__`` discovery) and engine construction."""

from __future__ import annotations

import os
from typing import Any

from ..errors import EngineError
from .anthropic_messages import AnthropicEngine
from .argos import ArgosEngine
from .base import Engine
from .deepl import DeepLEngine
from .dummy import DummyEngine
from .google import GoogleEngine
from .libre import LibreEngine
from .memory import MemoryEngine
from .microsoft import MicrosoftEngine
from .mymemory import MyMemoryEngine
from .ollama_chat import OllamaEngine
from .openai_chat import OpenAIEngine

ENGINES: dict[str, type[Engine]] = {
    "google": GoogleEngine,
    "mymemory": MyMemoryEngine,
    "libre": LibreEngine,
    "microsoft": MicrosoftEngine,
    "deepl": DeepLEngine,
    "openai": OpenAIEngine,
    "anthropic": AnthropicEngine,
    "ollama": OllamaEngine,
    "memory": MemoryEngine,
    "argos": ArgosEngine,
    "dummy": DummyEngine,
}


def engine_names() -> list[str]:
    return list(ENGINES)


def key_variable(name: str) -> str:
    """The only place an API key may come from: ``L10N_<ENGINE>_KEY``."""
    return f"L10N_{name.upper()}_KEY"


def get_engine(name: str, **options: Any) -> Engine:
    """Build engine ``name``; the API key is read from its environment variable."""
    cls = ENGINES.get(name)
    if cls is None:
        raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    options = {k: v for k, v in options.items() if v is not None}
    options.pop("api_key", None)  # keys never come from config files or arguments
    key = os.environ.get(key_variable(name), "").strip() or None
    return cls(api_key=key, **options)
