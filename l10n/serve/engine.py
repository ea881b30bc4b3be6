"""Retranslating one sentence from the desk through the engine layer.

The engine and its settings come from ``[translate]`` in l10n.toml, exactly as for
``l10n translate``; glossary terms are protected the same way, and the sentence
travels as an :class:`~l10n.engines.request.MTRequest` with its neighbours, its
paragraph and the article title, so engines that translate with context see the
article around it (others read the sentence alone).
"""

from __future__ import annotations

from datetime import date

import polib

from ..config import Config
from ..engines.request import MTRequest
from ..errors import EngineError
from ..glossary import Glossary
from ..protect import Masked, MaskError, mask, unmask
from ..translate import make_engine
from ..translate_context import article_context, make_request, term_hints

DESK_NEIGHBOURS = 2  # sentences on each side for engines that do not say how many they want


def configured_engine_name(config: Config) -> str | None:
    name = config.section("translate").get("engine")
    return str(name) if name else None


def retranslate_entry(config: Config, slug: str, po: polib.POFile, entry: polib.POEntry, lang: str,
                      glossary: Glossary) -> tuple[str, str]:
    """A fresh machine translation of ``entry`` in its article context, and its provenance line."""
    name = configured_engine_name(config)
    if not name:
        raise EngineError("no engine configured: set [translate] engine in l10n.toml to retranslate")
    settings = config.section("translate")
    engine = make_engine(name, settings, None, None)
    if not engine.machine:
        raise EngineError(f"{name} is not a machine-translation engine; set another [translate] engine")
    ctx = article_context(config, slug, po)
    masked = mask(entry.msgid, glossary, engine.token_style)
    neighbours = getattr(engine, "context_sentences", 0) or DESK_NEIGHBOURS
    terms = term_hints(glossary, entry.msgid)
    request = make_request(ctx, entry, masked.text, "desk", neighbours, terms)
    text = engine.translate_requests([request], config.source_language, lang)[0]
    try:
        target = unmask(text, masked)
    except MaskError:  # the engine mangled the tokens: send it unprotected, as translate does
        plain = MTRequest(**{**request.__dict__, "text": entry.msgid})
        target = unmask(engine.translate_requests([plain], config.source_language, lang)[0],
                        Masked(entry.msgid, entry.msgid, engine.token_style))
    return target.strip(), f"mt: {engine.name} {date.today().isoformat()}"
