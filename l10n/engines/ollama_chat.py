"""``ollama``: a local Ollama server through the official ``ollama`` package (native chat API).

``format`` carries the answer's JSON schema (structured outputs), ``options``
the temperature and the output budget (``num_predict``). No key; the default
server is ``http://127.0.0.1:11434``.
"""

from __future__ import annotations

from typing import Any

from .base import EngineError
from .llm import ANSWER_SCHEMA, LLMEngine
from .request import MTRequest


def _ollama() -> Any:
    try:
        import ollama
    except ImportError as exc:
        raise EngineError("ollama: the ollama package is not installed (pip install 'l10n[llm]')") from exc
    return ollama


class OllamaEngine(LLMEngine):
    name = "ollama"
    label = "Ollama native chat API (local models; --model)"
    default_url = "http://127.0.0.1:11434"
    default_workers = 2

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._module = _ollama()

    def _client(self) -> Any:
        return self.thread_client("ollama", lambda: self._module.Client(host=self.url, timeout=self.timeout,
                                                                         trust_env=False))

    def complete(self, system: str, user: str, requests: list[MTRequest]) -> tuple[str, bool]:
        response = self._client().chat(
            model=self.model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            format=ANSWER_SCHEMA,
            options={"temperature": self.temperature, "num_predict": self.output_budget(requests)},
        )
        message = response["message"] if not hasattr(response, "message") else response.message
        content = message["content"] if isinstance(message, dict) else message.content
        return content or "", getattr(response, "done_reason", "") == "length"

    def map_client_error(self, exc: BaseException) -> EngineError:
        if isinstance(exc, ConnectionError) or type(exc).__name__ == "ConnectError":
            from .base import UnreachableError

            return UnreachableError(f"{self.name}: cannot reach {self.where}: connection refused")
        return super().map_client_error(exc)
