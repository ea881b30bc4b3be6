"""Property tests: building from an untranslated catalogue reproduces the article exactly,
and any edit followed by extract + update keeps every reviewed translation."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.article import parse_article
from l10n.assemble import assemble_markdown, render_blocks
from l10n.config import load_config
from l10n.project import extract_project, update_project

WORD = st.sampled_from(
    "Regjeringen sa bl.a. at kl. 10.30 Nord-Korea 17. mai «Vi» – hei! Hva? ca. 3 000 kroner www.nrk.no "
    "[lenke](https://nrk.no/a) *viktig* `kode` St. Olavs Sjojgu Putin møtte nr. 3 i 2. etasje".split()
)
SENTENCE = st.lists(WORD, min_size=1, max_size=8).map(lambda ws: " ".join(ws) + st_end(ws))


def st_end(words: list[str]) -> str:
    return "." if len(words) % 3 else ""


SPACE = st.sampled_from([" ", "  ", "\n", " \t"])
PARAGRAPH = st.lists(st.tuples(SENTENCE, SPACE), min_size=1, max_size=4).map(
    lambda parts: "".join(s + sp for s, sp in parts).rstrip()
)
BLOCK = st.one_of(
    PARAGRAPH,
    PARAGRAPH.map(lambda p: "## " + p.replace("\n", " ")),
    PARAGRAPH.map(lambda p: "- " + p.replace("\n", " ")),
    PARAGRAPH.map(lambda p: "> " + p.replace("\n", " ")),
    PARAGRAPH.map(lambda p: f"![{p.replace(chr(10), ' ').replace(']', '')}](https://x.org/b.jpg)\nFoto: NTB"),
    st.just("```\nkode. Ikke.\n```"),
    PARAGRAPH.map(lambda p: "| Parti | " + p.replace("\n", " ").replace("|", "/") + " |\n|---|--:|\n| Høyre | 20,4 % |"),
    st.just("---"),
)
FRONT = st.one_of(st.just(""), PARAGRAPH.map(lambda p: "---\ntitle: " + p.replace("\n", " ") + "\ndate: 2024-01-01\n---\n\n"))
DOCUMENT = st.tuples(FRONT, st.lists(BLOCK, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n"]),
                     st.sampled_from(["", "\n", "\n\n"])).map(lambda t: t[0] + _body(t[2].join(t[1])) + t[3])


def _body(text: str) -> str:
    """A rule as the very first line would open front matter: put a heading before it."""
    return "# Tittel\n\n" + text if text.startswith("---") else text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_untranslated_build_reproduces_the_article(text: str) -> None:
    article = parse_article(text, Path("a.md"))
    rendered = render_blocks(article, polib.POFile(), fallback="source")
    assert assemble_markdown(article, rendered) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_identity_translation_reproduces_the_article(text: str) -> None:
    article = parse_article(text, Path("a.md"))
    from l10n.extract import article_segments

    po = polib.POFile()
    seen = set()
    for seg in article_segments(article):
        if seg.key not in seen:
            seen.add(seg.key)
            po.append(polib.POEntry(msgid=seg.msgid, msgctxt=seg.msgctxt, msgstr=seg.msgid))
    rendered = render_blocks(article, po, fallback="mark")
    built = assemble_markdown(article, rendered)
    # msgids are unwrapped (a sentence over two lines is one line), so compare modulo whitespace
    assert re.sub(r"\s+", " ", built) == re.sub(r"\s+", " ", text)
    assert rendered.stats.missing == 0


TOML = '[project]\nname = "p"\nsource_language = "nb"\ntarget_languages = ["en"]\n'


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(before=DOCUMENT, after=DOCUMENT, data=st.data())
def test_project_update_never_loses_reviewed_translations(tmp_path_factory, before: str, after: str, data) -> None:
    root = tmp_path_factory.mktemp("p")
    (root / "l10n.toml").write_text(TOML)
    (root / "source_articles").mkdir()
    article = root / "source_articles" / "a.md"
    article.write_text(before, encoding="utf-8", newline="")
    config = load_config(root)
    extract_project(config)
    update_project(config)
    po_path = config.po_path("en", "a")
    po = polib.pofile(str(po_path))
    reviewed = {}
    for i, entry in enumerate(po):
        if data.draw(st.booleans()):
            entry.msgstr = f"T{i}: {entry.msgid}"
            reviewed[(entry.msgctxt, entry.msgid)] = entry.msgstr
    po.save()
    article.write_text(after, encoding="utf-8", newline="")
    extract_project(config)
    update_project(config)
    merged = polib.pofile(str(po_path))
    texts = {e.msgstr for e in merged}
    for key, msgstr in reviewed.items():
        assert msgstr in texts
        same = [e for e in merged if (e.msgctxt, e.msgid) == key and not e.obsolete]
        if same:
            assert same[0].msgstr == msgstr and not same[0].fuzzy


def test_hard_wrapped_quote_segments_and_builds() -> None:
    """Sentences wrapped inside a ``>`` quote are whole msgids; builds drop no quote marker
    from the Markdown and show none in HTML or text."""
    from l10n.extract import article_segments
    from l10n.render import render_html, render_text

    text = "# T\n\n> «Vi tar ingen sjanser\n> i dag.» Det sa hun.\n> Hun smilte.\n"
    article = parse_article(text, Path("a.md"))
    msgids = [s.msgid for s in article_segments(article) if s.kind == "quote"]
    assert msgids == ["«Vi tar ingen sjanser i dag.»", "Det sa hun.", "Hun smilte."]
    assert assemble_markdown(article, render_blocks(article, polib.POFile(), fallback="source")) == text
    po = polib.POFile()
    po.append(polib.POEntry(msgid=msgids[0], msgstr="“We are taking no chances today.”"))
    rendered = render_blocks(article, po, fallback="source")
    assert assemble_markdown(article, rendered) == (
        "# T\n\n> “We are taking no chances today.” Det sa hun.\n> Hun smilte.\n"
    )
    untranslated = render_blocks(article, polib.POFile(), fallback="source", fmt="html")
    page = render_html(article, untranslated, "en")
    assert ('<blockquote><p><span lang="nb">«Vi tar ingen sjanser\ni dag.»</span> <span lang="nb">Det sa hun.</span>\n'
            '<span lang="nb">Hun smilte.</span></p></blockquote>') in page
    assert "&gt;" not in page
    assert ">" not in render_text(article, untranslated)
