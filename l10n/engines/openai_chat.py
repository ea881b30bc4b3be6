"""``openai``: any server speaking OpenAI Chat Completions, through the official ``openai`` package.

``--engine-url`` (``base_url``) picks the server: OpenAI itself (the default),
Azure OpenAI's v1 endpoint, vLLM, llama.cpp's server, LM Studio or Ollama's
``/v1``. The key comes from ``L10N_OPENAI_KEY`` and may be left unset for a
local server. The answer is asked for as a JSON schema (``response_format``);
a server that answers it with HTTP 400 is asked again at once without it, and
not given it again in this run.
"""

from __future__ import annotations

from typing import Any

from .base import EngineError
from .http import is_loopback
from .llm import _TOO_LONG, ANSWER_SCHEMA, LLMEngine
from .request import MTRequest


def _openai() -> Any:
    try:
        import openai
    except ImportError as exc:
        raise EngineError("openai: the openai package is not installed (pip install 'l10n[llm]')") from exc
    return openai


class OpenAIEngine(LLMEngine):
    name = "openai"
    label = "OpenAI Chat Completions (OpenAI, Azure, vLLM, llama.cpp, LM Studio, Ollama /v1; --model)"
    default_url = "https://api.openai.com/v1"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._module = _openai()
        self.schema = True  # cleared when the server rejects response_format

    def _client(self) -> Any:
        def build() -> Any:
            extra = {"http_client": self._module.DefaultHttpxClient(trust_env=False)} if is_loopback(self.url) else {}
            return self._module.OpenAI(base_url=self.url, api_key=self.api_key or "not-needed",
                                       timeout=self.timeout, max_retries=0, **extra)

        return self.thread_client("openai", build)

    def complete(self, system: str, user: str, requests: list[MTRequest]) -> tuple[str, bool]:
        args: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": self.temperature,
            "max_tokens": self.output_budget(requests),
        }
        if self.schema:
            args["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "translations", "strict": True, "schema": ANSWER_SCHEMA}}
        try:
            response = self._client().chat.completions.create(**args)
        except self._module.BadRequestError as exc:
            if "response_format" not in args or _TOO_LONG.search(str(exc)):
                raise
            self.schema = False  # a server without JSON-schema output: ask once more, the brief asks for JSON
            args.pop("response_format")
            response = self._client().chat.completions.create(**args)
        choice = response.choices[0] if response.choices else None
        if choice is None:
            return "", False
        return choice.message.content or "", choice.finish_reason == "length"
