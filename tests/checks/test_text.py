"""checks.text: masking keeps every offset and equals the plain form it speeds up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from l10n.checks.text import DOMAIN_RE, EMAIL_RE, MD_LINK_RE, URL_RE, mask


def _mask_simple(text: str) -> str:
    """mask as first written: every pattern scanned, the text rebuilt after each."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for m in MD_LINK_RE.finditer(text):
        blank(m.start(), m.start() + 1)
        blank(m.end(1), m.end())
    masked = "".join(chars)
    for regex in (URL_RE, EMAIL_RE, DOMAIN_RE):
        for m in regex.finditer(masked):
            blank(m.start(), m.end())
        masked = "".join(chars)
    return masked


_PIECES = st.lists(st.sampled_from(["www.", "WWW.", "https://", "ftp://", "nrk", ".no", ".com", ".", "@", "a", "X",
                                    "[", "]", "(", ")", "](", "<", ">", " ", "/", "-", "ø", "İ", "\n", "vg.no/x", "e-post"]),
                   max_size=16)


@given(_PIECES)
def test_mask_equals_the_plain_form(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert mask(text) == _mask_simple(text)
    assert len(mask(text)) == len(text)


def test_mask_blanks_links_urls_domains_and_addresses() -> None:
    text = "Se [saken](https://nrk.no/a) og www.vg.no, skriv til tips@nrk.no eller les db.no."
    masked = mask(text)
    assert len(masked) == len(text)
    for gone in ("https", "vg.no", "tips@", "db.no", "]("):
        assert gone not in masked
    assert masked.startswith("Se  saken ") and "skriv til" in masked


@given(st.lists(st.sampled_from(["Hei", ". ", "!", "? ", ": ", "«", "“", "\"", "(", "[", "– ", "-", "\n", " ", "*", "_", "'", "x"]),
                max_size=14))
def test_sentence_starts_are_the_regexs_match_ends(pieces: list[str]) -> None:
    from l10n.checks.text import SENTENCE_START_RE, sentence_starts

    text = "".join(pieces)
    assert sentence_starts(text) == frozenset(m.end() for m in SENTENCE_START_RE.finditer(text))
