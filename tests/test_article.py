from __future__ import annotations

from pathlib import Path

import pytest

from l10n.article import parse_article, read_article
from l10n.errors import ArticleError

SAMPLE = """---
title: "Kim møter Putin"
date: 2023-09-13
lead: Ingress. To setninger.
---

# Kim møter Putin #

Første avsnitt. Med [lenke](https://nrk.no/a.b) her.

![Alt tekst](https://x.org/a.jpg "Tittel")
Bildetekst her. Foto: NTB

Foto: Reuters

- punkt en
  fortsetter
1. nummerert

> sitat én
> sitat to

```
kode. Ikke oversett.
```

---
<!-- kommentar -->
Siste
linje.
"""


def kinds(text: str, name: str = "a.md") -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_article(text, Path(name)).blocks]


def test_blocks_of_every_kind() -> None:
    assert kinds(SAMPLE) == [
        ("meta-title", "Kim møter Putin"),
        ("meta-lead", "Ingress. To setninger."),
        ("heading", "Kim møter Putin"),
        ("paragraph", "Første avsnitt. Med [lenke](https://nrk.no/a.b) her."),
        ("image-alt", "Alt tekst"),
        ("image-title", "Tittel"),
        ("caption", "Bildetekst her. Foto: NTB"),
        ("credit", "Foto: Reuters"),
        ("list-item", "punkt en\n  fortsetter"),
        ("list-item", "nummerert"),
        ("quote", "sitat én\n> sitat to"),
        ("code", "kode. Ikke oversett."),  # kept for structure, never segmented
        ("paragraph", "Siste\nlinje."),
    ]


def test_block_spans_point_into_the_text() -> None:
    article = parse_article(SAMPLE, Path("a.md"))
    for block in article.blocks:
        assert SAMPLE[block.start : block.end] == block.text
    assert article.meta["date"] == "2023-09-13"
    assert article.title == "Kim møter Putin"


def test_block_lines() -> None:
    article = parse_article(SAMPLE, Path("a.md"))
    assert [b.line for b in article.blocks][:4] == [2, 4, 7, 9]


def test_plain_text_paragraphs() -> None:
    text = "Første avsnitt.\nFortsatt.\n\n\nAndre avsnitt.\n"
    assert kinds(text, "a.txt") == [("paragraph", "Første avsnitt.\nFortsatt."), ("paragraph", "Andre avsnitt.")]


def test_crlf_line_endings() -> None:
    text = "# Tittel\r\n\r\nEn setning.\r\n"
    assert kinds(text) == [("heading", "Tittel"), ("paragraph", "En setning.")]


def test_unclosed_front_matter_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: X\n\nTekst.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"x\.md:1: front matter"):
        read_article(path)


def test_bad_front_matter_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: X\nikke en nøkkel\n---\nTekst.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"x\.md:3: front matter line"):
        read_article(path)


def test_unclosed_code_fence(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("Tekst.\n\n```\nkode\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"x\.md:3: code block"):
        read_article(path)


def test_non_utf8_article_names_line(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes("Linje én.\n\nBlåbærsyltetøy.\n".encode("utf-8").replace("Blåbær".encode(), "Blåbær".encode("latin-1")))
    with pytest.raises(ArticleError, match=r"x\.md:3: not valid UTF-8"):
        read_article(path)


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ArticleError, match="unsupported article type"):
        read_article(path)


def test_front_matter_yaml_lists_are_kept_not_translated() -> None:
    text = "---\ntitle: Tittel\ntags:\n  - nyheter\n  - vær\nkategorier: [a, b]\n---\n\nTekst.\n"
    assert kinds(text) == [("meta-title", "Tittel"), ("paragraph", "Tekst.")]


def test_setext_headings() -> None:
    text = "Stor overskrift\n===============\n\nTekst.\n\nMindre overskrift\n-----------------\n\nSlutt.\n"
    assert kinds(text) == [("heading", "Stor overskrift"), ("paragraph", "Tekst."),
                           ("heading", "Mindre overskrift"), ("paragraph", "Slutt.")]


def test_hard_wrapped_sentence_is_one_line_msgid() -> None:
    from l10n.extract import article_segments

    article = parse_article("Første setning går over\nto linjer. Andre\n  setning.\n\n- punkt som\n  fortsetter.\n", Path("a.md"))
    assert [s.msgid for s in article_segments(article)] == [
        "Første setning går over to linjer.", "Andre setning.", "punkt som fortsetter."]


def test_hard_wrapped_quote_is_one_block() -> None:
    """A quote wrapped over several ``>`` lines is one paragraph (a sentence in it stays whole);
    an empty ``>`` line starts a new paragraph and a nested ``> >`` line is its own block."""
    text = "> «Vi tar ingen\n> sjanser.» Det sa hun.\n>\n> Andre avsnitt.\n> > Nestet.\n"
    assert kinds(text) == [
        ("quote", "«Vi tar ingen\n> sjanser.» Det sa hun."),
        ("quote", "Andre avsnitt."),
        ("quote", "> Nestet."),
    ]
