"""HTML and plain-text rendering of built articles."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.article import parse_article
from l10n.assemble import render_blocks
from l10n.render import render_html


def test_mark_fallback_in_title_and_alt_text_is_plain_and_has_no_control_characters() -> None:
    text = "---\ntitle: Ras i Sogndal\n---\n\n# Ras\n\n![Gravemaskiner & ras](https://x.org/a.jpg)\nFoto: NTB\n"
    article = parse_article(text, Path("a.md"))
    page = render_html(article, render_blocks(article, polib.POFile(), fallback="mark", fmt="html"), "en")
    assert "\x00" not in page and "\x01" not in page
    assert "<title>[nb: Ras i Sogndal]</title>" in page
    assert 'alt="[nb: Gravemaskiner &amp; ras]"' in page
    assert '<h1><mark class="untranslated" lang="nb">Ras</mark></h1>' in page


def test_translated_front_matter_stays_valid_yaml() -> None:
    """A translation with ': ', quotes or a mark fallback's brackets is quoted or escaped to
    stay one YAML string; an untranslated value is untouched (round-trip identity)."""
    from l10n.assemble import assemble_markdown

    src = "---\ntitle: \"Politiet: «Vi tar ingen sjanser»\"\nlead: Uvær stenger veier\nsummary: 'Kort'\n---\n\n# X\n"
    article = parse_article(src, Path("a.md"))
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Politiet: «Vi tar ingen sjanser»", msgstr='Police: "We take no chances" \\o/'))
    po.append(polib.POEntry(msgid="Uvær stenger veier", msgstr="Storm: roads closed"))
    po.append(polib.POEntry(msgid="Kort", msgstr="It's short"))
    built = assemble_markdown(article, render_blocks(article, po))
    assert built.startswith(
        "---\ntitle: \"Police: \\\"We take no chances\\\" \\\\o/\"\nlead: \"Storm: roads closed\"\nsummary: 'It''s short'\n---"
    )
    marked = assemble_markdown(article, render_blocks(article, polib.POFile(), fallback="mark"))
    assert 'lead: "[nb: Uvær stenger veier]"\n' in marked
    assert assemble_markdown(article, render_blocks(article, polib.POFile())) == src


def test_source_fallback_in_html_says_its_language() -> None:
    """Untranslated sentences on a lang="en" page carry lang="nb"; a sentence that is half of
    an emphasis span is left bare so the page stays well-formed."""
    text = "# Ras\n\nEt ras gikk i natt. *Saken oppdateres. Følg med.*\n"
    article = parse_article(text, Path("a.md"))
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Ras", msgstr="Landslide"))
    page = render_html(article, render_blocks(article, po, fallback="source", fmt="html"), "en")
    assert "<title>Landslide</title>" in page and "<h1>Landslide</h1>" in page
    assert '<p><span lang="nb">Et ras gikk i natt.</span> <em>Saken oppdateres. Følg med.</em></p>' in page


def test_mark_fallback_never_crosses_emphasis_tags() -> None:
    text = "# R\n\n*Saken oppdateres. Følg med.*\n"
    article = parse_article(text, Path("a.md"))
    page = render_html(article, render_blocks(article, polib.POFile(), fallback="mark", fmt="html"), "en")
    assert "<p>[nb: <em>Saken oppdateres.] [nb: Følg med.</em>]</p>" in page  # tags nest; text is marked


def test_html_gets_title_and_lead_from_front_matter_when_the_body_lacks_them(tmp_path) -> None:
    from pathlib import Path

    from l10n.article import parse_article
    from l10n.assemble import render_blocks
    from l10n.render import render_html

    text = "---\ntitle: Tittel her\nlead: Ingressen står bare her.\n---\n\nFørste avsnitt.\n"
    article = parse_article(text, Path("a.md"))
    page = render_html(article, render_blocks(article, None), "en")
    body = page.split("<article>")[1]
    assert body.index("<h1>Tittel her</h1>") < body.index('<p class="lead">') < body.index("<p>Første avsnitt.</p>")
    repeated = parse_article("---\nlead: Samme.\n---\n\n# T\n\nSamme.\n", Path("b.md"))
    assert 'class="lead"' not in render_html(repeated, render_blocks(repeated, None), "en")


def test_image_without_alt_text_stays_in_the_html_build() -> None:
    from pathlib import Path

    from l10n.article import parse_article
    from l10n.assemble import assemble_markdown, render_blocks
    from l10n.render import render_html

    text = "# T\n\n![](https://example.org/a.jpg)\nFoto: NTB\n"
    article = parse_article(text, Path("a.md"))
    rendered = render_blocks(article, None)
    assert assemble_markdown(article, rendered) == text
    page = render_html(article, rendered, "en")
    assert '<img src="https://example.org/a.jpg" alt="">' in page and "<figcaption>" in page


def test_pipe_table_cells_are_translated_and_rendered_as_a_table() -> None:
    from html.parser import HTMLParser
    from pathlib import Path

    import polib

    from l10n.article import parse_article
    from l10n.assemble import assemble_markdown, render_blocks
    from l10n.render import render_html, render_text

    text = "# Valg\n\n| Parti | Oppslutning |\n|:--|--:|\n| Høyre | 20,4 % |\n| Venstre | 4,6 % |\n\nSlutt.\n"
    article = parse_article(text, Path("a.md"))
    assert [b.text for b in article.blocks if b.kind == "table-cell"] == [
        "Parti", "Oppslutning", "Høyre", "20,4 %", "Venstre", "4,6 %"]
    po = polib.POFile()
    for source, target in {"Parti": "Party", "Oppslutning": "Share", "Høyre": "Conservative", "20,4 %": "20.4%"}.items():
        po.append(polib.POEntry(msgid=source, msgstr=target))
    assert assemble_markdown(article, render_blocks(article, None)) == text
    rendered = render_blocks(article, po)
    assert "| Party | Share |\n|:--|--:|\n| Conservative | 20.4% |" in assemble_markdown(article, rendered)
    page = render_html(article, rendered, "en")
    assert "<table>\n<tr>\n<th>Party</th>\n<th>Share</th>\n</tr>\n<tr>\n<td>Conservative</td>" in page
    assert page.count("<table>") == 1 and page.count("</table>") == 1
    HTMLParser().feed(page)
    assert "Party | Share\n\nConservative | 20.4%" in render_text(article, rendered)


def test_code_blocks_are_kept_verbatim_and_shown_as_code() -> None:
    from pathlib import Path

    from l10n.article import parse_article
    from l10n.assemble import assemble_markdown, render_blocks
    from l10n.extract import article_segments
    from l10n.render import render_html, render_text

    text = "# T\n\nTekst.\n\n```\n  <kode> & mer.\nIkke oversett.\n```\n"
    article = parse_article(text, Path("a.md"))
    assert [s.msgid for s in article_segments(article)] == ["T", "Tekst."]
    rendered = render_blocks(article, None)
    assert assemble_markdown(article, rendered) == text
    assert "<pre><code>  &lt;kode&gt; &amp; mer.\nIkke oversett.</code></pre>" in render_html(article, rendered, "en")
    assert "      <kode> & mer.\n    Ikke oversett." in render_text(article, rendered)


def test_txt_build_keeps_the_front_matter_lead() -> None:
    """Markdown and HTML kept the lead; the plain-text build dropped it."""
    from l10n.render import render_text

    text = "---\ntitle: Tittel\nlead: Dette er ingressen.\n---\n\n# Overskrift\n\nBrødtekst her.\n"
    article = parse_article(text, Path("a.md"))
    out = render_text(article, render_blocks(article, None))
    assert out.split("\n\n")[:3] == ["Overskrift", "Dette er ingressen.", "Brødtekst her.\n"]
    no_heading = parse_article("---\ntitle: Tittel\nlead: Ingressen.\n---\n\nTekst.\n", Path("b.md"))
    assert render_text(no_heading, render_blocks(no_heading, None)).split("\n\n")[:2] == ["Tittel", "Ingressen."]
    repeated = parse_article("---\nlead: Samme tekst.\n---\n\nSamme tekst.\n", Path("c.md"))
    assert render_text(repeated, render_blocks(repeated, None)).count("Samme tekst.") == 1
