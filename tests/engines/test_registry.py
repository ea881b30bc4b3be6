"""The explicit registry and the offline engines (dummy, memory, argos)."""

from __future__ import annotations

import pytest

from l10n.engines import ENGINES, Engine, get_engine
from l10n.errors import EngineError


def test_registry_is_explicit_and_complete():
    assert list(ENGINES) == ["google", "mymemory", "libre", "microsoft", "deepl", "openai", "anthropic", "ollama",
                            "memory", "argos", "dummy"]
    for name, cls in ENGINES.items():
        assert issubclass(cls, Engine) and cls.name == name


def test_unknown_engine():
    with pytest.raises(EngineError, match="unknown engine 'bing'; choose one of google"):
        get_engine("bing")


def test_keys_only_from_environment(monkeypatch):
    monkeypatch.setenv("L10N_LIBRE_KEY", "from-env")
    engine = get_engine("libre", url="http://127.0.0.1:1/", api_key="from-config")
    assert engine.api_key == "from-env"
    assert "from-env" not in engine.options_key()


def test_dummy_is_deterministic_and_keeps_tokens():
    engine = get_engine("dummy")
    out = engine.translate_batch(["Hei verden og [X1X] i dag."], "nb", "en")
    assert out == ["Hello world and [X1X] in day."]
    assert engine.translate_batch(["Hei verden og [X1X] i dag."], "nb", "en") == out


def test_memory_engine_sends_nothing():
    engine = get_engine("memory")
    assert engine.machine is False
    with pytest.raises(EngineError, match="only fills entries from the translation memory"):
        engine.translate_batch(["Hei"], "nb", "en")


def test_argos_not_installed_is_one_line_error():
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        with pytest.raises(EngineError, match="argos: argostranslate is not installed"):
            get_engine("argos")
    else:
        pytest.skip("argostranslate is installed")


def test_argos_with_an_installed_model(monkeypatch):
    """The argos engine against a stand-in for argostranslate's installed-language API."""
    import sys
    import types

    class Translation:
        def translate(self, text):
            return text.replace("Hei", "Hello")

    class Language:
        def __init__(self, code):
            self.code = code

        def get_translation(self, other):
            return Translation() if (self.code, other.code) == ("nb", "en") else None

    translate_module = types.ModuleType("argostranslate.translate")
    translate_module.get_installed_languages = lambda: [Language("nb"), Language("en"), Language("de")]
    package = types.ModuleType("argostranslate")
    package.translate = translate_module
    monkeypatch.setitem(sys.modules, "argostranslate", package)
    monkeypatch.setitem(sys.modules, "argostranslate.translate", translate_module)
    engine = get_engine("argos")
    assert engine.translate_batch(["Hei verden, sa hun."], "nb", "en") == ["Hello verden, sa hun."]
    with pytest.raises(EngineError, match="no installed model for en→de"):
        engine.translate_batch(["Hello there my friend."], "en", "de")


def test_engines_declare_their_capabilities():
    for cls in ENGINES.values():
        assert cls.batch_unit in ("sentence", "paragraph", "article")
        assert cls.protect in ("all", "markup", "none") and cls.cost_model in ("characters", "tokens")
        assert cls.batch_size >= 1 and cls.max_chars > 0
    for name in ("openai", "anthropic", "ollama"):
        llm = ENGINES[name]
        assert llm.uses_context and llm.uses_glossary and llm.batch_unit == "article" and "model" in llm.settings
    assert not ENGINES["libre"].uses_context and ENGINES["libre"].protect == "all"
