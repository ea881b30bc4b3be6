"""Retranslating one sentence from the desk through the engine layer (switch point).

The engine, URL and timeout come from ``[translate]`` in l10n.toml, exactly as for
``l10n translate``; glossary terms are protected the same way. The neighbouring
sentences are passed to engines that read context (``uses_context``) once the
engine layer offers per-request context; other engines get the sentence alone.
"""

from __future__ import annotations

from datetime import date

from ..config import Config
from ..engines.registry import get_engine
from ..errors import EngineError
from ..glossary import Glossary
from ..protect import Masked, MaskError, mask, unmask


def configured_engine_name(config: Config) -> str | None:
    name = config.section("translate").get("engine")
    return str(name) if name else None


def retranslate_sentence(config: Config, source: str, lang: str, glossary: Glossary) -> tuple[str, str]:
    """A fresh machine translation of ``source`` and its provenance line (``mt: engine date``)."""
    settings = config.section("translate")
    name = configured_engine_name(config)
    if not name:
        raise EngineError("no engine configured: set [translate] engine in l10n.toml to retranslate")
    engine = get_engine(name, url=settings.get("engine_url"), timeout=settings.get("timeout"))
    if not engine.machine:
        raise EngineError(f"{name} is not a machine-translation engine; set another [translate] engine")
    masked = mask(source, glossary, engine.token_style)
    text = engine.translate_batch([masked.text], config.source_language, lang)[0]
    try:
        target = unmask(text, masked)
    except MaskError:  # the engine mangled the tokens: send it unprotected, as translate does
        plain = Masked(source, source, engine.token_style)
        target = unmask(engine.translate_batch([source], config.source_language, lang)[0], plain)
    return target.strip(), f"mt: {engine.name} {date.today().isoformat()}"
