"""``anthropic``: Claude models through the official ``anthropic`` package (Messages API).

The brief goes in ``system``, the article JSON in the one user message, the
answer's schema in ``output_config.format`` (structured outputs); the answer's
text blocks are joined and read as JSON. Current clients take no
``temperature``. Key: ``L10N_ANTHROPIC_KEY``.
"""

from __future__ import annotations

from typing import Any

from .base import EngineError
from .http import is_loopback
from .llm import ANSWER_SCHEMA, LLMEngine
from .request import MTRequest


def _anthropic() -> Any:
    try:
        import anthropic
    except ImportError as exc:
        raise EngineError("anthropic: the anthropic package is not installed (pip install 'l10n[llm]')") from exc
    return anthropic


class AnthropicEngine(LLMEngine):
    name = "anthropic"
    label = "Anthropic Messages API (Claude; --model, key in L10N_ANTHROPIC_KEY)"
    default_url = "https://api.anthropic.com"
    default_model = "claude-sonnet-4-5"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._module = _anthropic()

    def _client(self) -> Any:
        def build() -> Any:
            extra = {"http_client": self._module.DefaultHttpxClient(trust_env=False)} if is_loopback(self.url) else {}
            return self._module.Anthropic(base_url=self.url, api_key=self.api_key or "not-needed",
                                          timeout=self.timeout, max_retries=0, **extra)

        return self.thread_client("anthropic", build)

    def complete(self, system: str, user: str, requests: list[MTRequest]) -> tuple[str, bool]:
        response = self._client().messages.create(
            model=self.model, system=system, max_tokens=self.output_budget(requests),
            messages=[{"role": "user", "content": user}],
            output_config={"format": {"type": "json_schema", "schema": ANSWER_SCHEMA}},
        )
        text = "".join(getattr(block, "text", "") for block in response.content or [])
        return text, response.stop_reason == "max_tokens"
