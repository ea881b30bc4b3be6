"""checks.analysis: matching a foldable pattern on lower-cased text is exactly re.IGNORECASE."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from l10n.checks.analysis import fast_twin, finditer, foldable, lowered, required_literals, required_parts, search, tokens

PATTERNS = [
    r"\b(?:kan|kunne|må|skal)\b",
    r"\bskal\s+(?:\w+\s+)?ha\s+\w+(?:t|et|d|dd)\b",
    r"(?s)^(?!.*\bsen\b).*\btidlig\b",
    r"(?<!\bhis )\bwill\b|\w['’]ll\b",
    r"[a-zæøå]+s\b",
    r"[^a-z ]",
    r"\bsi\b",
]
ALPHABET = "aeiksltmnSIKåÅøØæ ’'.İıſΣσςKé-"
texts = st.text(alphabet=ALPHABET + "kanskjetidligsenwillhis", max_size=40)


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_same_spans_as_ignorecase(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    low = lowered(text)
    want = regex.search(text)
    got = search(regex, text, low)
    assert (want and want.span()) == (got and got.span())
    assert spans(regex.finditer(text)) == spans(finditer(regex, text, low))


def test_lowered_refuses_texts_where_folding_is_not_exact() -> None:
    assert lowered("Han KAN komme.") == "han kan komme."
    assert lowered("İstanbul") is None  # lower-cases to two characters
    assert lowered("ſkal") is None  # long s: IGNORECASE pairs it with s
    assert lowered("ΟΔΟΣ") is None  # final sigma by context


def test_foldable_patterns() -> None:
    assert foldable(r"\b(?:kan|må)\b\W\S")
    assert foldable(r"(?s)^(?!.*\bsen\b)")
    assert not foldable(r"[A-ZÆØÅ]\w+")  # a class of capitals means something else case-sensitively
    assert not foldable(r"(?i)kan") and not foldable(r"(?-i:Kan)")
    assert not foldable(r"\x4b") and not foldable(r"(a)\1")
    assert fast_twin(re.compile("kan")) is None  # case-sensitive already: nothing to gain
    twin = fast_twin(re.compile(r"\bkan\b", re.IGNORECASE))
    assert twin is not None and not twin.flags & re.IGNORECASE
    assert fast_twin(re.compile(r"\bkan\b", re.IGNORECASE)) is not None


# --- required literals: the prefilter must never skip a text the pattern matches ----------

_PIECES = ["ab", "a", "b", "c", "kan", "ikke", " ", "\\b", "\\b", "\\b(?:kan|a)\\b", "\\bab", "(?:a|\\bc\\b)", "\\w", "\\s", "\\.", "[ab]", "[^a]", ".",
           "(?:a|bc)", "(?:kan|c+)", "(?=a)", "(?!b)", "(?<=a)", "(?<!c)", "(a|b)", "^", "$", "(?s:a.)", "(?P<n>ab)"]
_QUANTS = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?", "??"]


@st.composite
def patterns(draw) -> str:
    branches = []
    for _ in range(draw(st.integers(1, 3))):
        parts = draw(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_QUANTS)), min_size=1, max_size=5))
        branch = "".join(p + (q if not p.startswith(("\\b", "^", "$", "(?=", "(?!", "(?<")) else "") for p, q in parts)
        branches.append(branch)
    pattern = "|".join(branches)
    return draw(st.sampled_from([pattern, f"(?:{pattern})+", f"x(?:{pattern})"]))


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet="abckanike .x\n", max_size=30))
def test_required_literals_hold_in_every_match(pattern: str, text: str) -> None:
    try:
        regex = re.compile(pattern)
    except re.error:
        assume(False)
    need, parts = required_literals(pattern), required_parts(pattern)
    if need is not None and regex.search(text):
        assert any(literal in text for literal in need), (pattern, text, need)
    if parts is not None and regex.search(text):
        words, rest = parts
        assert not words.isdisjoint(tokens(text)) or any(literal in text for literal in rest), (pattern, text, parts)
    assert (search(regex, text, None) is None) == (regex.search(text) is None)
    assert spans(finditer(regex, text, None)) == spans(regex.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_prefiltered_search_on_data_patterns(pattern: str, text: str) -> None:
    from l10n.checks.modality import modality_rules
    from l10n.checks.pitfalls import pitfall_rules
    rules = modality_rules()
    regexes = [re.compile(pattern, re.IGNORECASE), *(p for _, p in rules.source + rules.target),
               rules.trigger, rules.source_trigger, *(r.source for r in pitfall_rules()), *(r.target for r in pitfall_rules())]
    low = lowered(text)
    for regex in regexes:
        want = regex.search(text)
        got = search(regex, text, low)
        assert (want and want.span()) == (got and got.span())


def test_required_literals_read_patterns_conservatively() -> None:
    assert set(required_literals(r"\b(?:kan|kunne)\b")) == {"kan", "kunne"}
    assert required_literals(r"rumou?r\w*") == ("rumo",)
    assert set(required_literals(r"a(?:bc|de)+f")) == {"bc", "de"}
    assert required_literals(r"(?s)^(?!.*\bsen\b).*\btidlig\b") == ("tidlig",)
    assert required_parts(r"\b(?:kan|kunne)\b|\bumulig\w*") == (frozenset({"kan", "kunne"}), ("umulig",))
    assert required_parts(r"(?:ab|cd)\b") == (frozenset(), ("ab", "cd"))  # no boundary before: not a token
    assert required_parts(r"\b(?:ab|cd)+\b") == (frozenset(), ("ab", "cd"))  # repeated: "abcd" is the token
    assert tokens("Han kan, ikke-kan.") == frozenset({"Han", "kan", "ikke"})
    for unknown in (r"\d+", r"(?i)kan", r"(a)\1", r"a|", r"x\x41", r"a{,", r"(?x)k a n", r"(?:a)?"):
        assert required_literals(unknown) is None, unknown
