"""One home for language codes: one normalize, one alias table, no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import l10n
from l10n.checks.base import CheckContext
from l10n.checks.text import lang_base
from l10n.errors import ConfigError, SegmentationError
from l10n.languages import aliases, base, normalize, po_language, same_language
from l10n.segment_rules import rules_language

PACKAGE = Path(l10n.__file__).parent


@pytest.mark.parametrize("code,expected", [("nb", "nb"), ("nb_NO", "nb-NO"), ("EN-gb", "en-GB"), ("pt_BR", "pt-BR")])
def test_normalize_spells_codes_canonically(code: str, expected: str) -> None:
    assert normalize(code) == expected


def test_normalize_names_where_a_bad_code_came_from() -> None:
    with pytest.raises(ConfigError, match=r"unknown language code 'xx-yy' \(--target\)"):
        normalize("xx-yy", "--target")


@pytest.mark.parametrize("code", ["nb", "no", "nob", "nb-NO", "NB_no"])
def test_every_module_folds_bokmaal_aliases_alike(code: str) -> None:
    """Segmentation, QA word lists and the nb→en checks used to disagree on ``no``."""
    assert base(code) == rules_language(code) == lang_base(code) == "nb"
    assert CheckContext(code, "en-GB").nb_to_en


def test_rules_language_refuses_what_has_no_rules() -> None:
    with pytest.raises(SegmentationError, match="no segmentation rules"):
        rules_language("de")


@pytest.mark.parametrize("code,wanted,same", [
    ("nb-NO", "nb", True), ("no", "nb", True), ("NB_no", "nb", True), ("en-GB", "en", True),
    ("en", "en-GB", False), ("nn", "nb", False), ("de", "en", False), ("nob", "nb", True),
])
def test_same_language(code: str, wanted: str, same: bool) -> None:
    assert same_language(code, wanted) is same


def test_one_alias_table() -> None:
    assert aliases()["no"] == "nb" and po_language("pt-BR") == "pt_BR"
    offenders = [p.name for p in PACKAGE.rglob("*.py") if p.name != "languages.py"
                 and ('"nob": "nb"' in p.read_text(encoding="utf-8") or "def normalize_language" in p.read_text(encoding="utf-8"))]
    assert offenders == []


def _imports(path: Path) -> set[str]:
    """Modules of l10n that ``path`` imports anywhere, lazy imports inside functions included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module.split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


def _cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    found: set[frozenset[str]] = set()

    def walk(node: str, stack: list[str]) -> None:
        if node in stack:
            found.add(frozenset(stack[stack.index(node):]))
            return
        for nxt in sorted(graph.get(node, ())):
            walk(nxt, [*stack, node])

    for module in sorted(graph):
        walk(module, [])
    return found


def test_no_import_cycle_through_the_memory() -> None:
    """glossary → tbx → tmx → memory → glossary was a cycle (tbx took its language matching
    from tmx). What remains is the glossary loading its TBX reader lazily, which builds terms."""
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py")}
    assert _cycles(graph) <= {frozenset({"glossary", "tbx"})}
