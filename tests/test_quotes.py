"""Quotations over several sentences: source roles, and one quotation in md/html/txt builds."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, strategies as st

from l10n.article import parse_article
from l10n.assemble import assemble_markdown, render_blocks
from l10n.quotes import END, MIDDLE, NONE, START, WHOLE, join_quotations, joins, quote_roles
from l10n.render import render_html, render_text


@pytest.mark.parametrize("sentences, roles", [
    (["– Det er derfor vi kom hit.", "Lederen viser stor interesse, sa Putin."], [START, END]),
    (["– Vi må handle.", "Flommen kommer.", "Det haster, sier Lindberg til NRK."], [START, MIDDLE, END]),
    (["– Jeg er glad for å se deg, sa Putin til Kim."], [WHOLE]),
    (["– Ja, det er fint, sa hun.", "Så gikk hun."], [WHOLE, NONE]),            # narration after the attribution
    (["– Vi kommer.", "– Vi også, svarte de."], [WHOLE, WHOLE]),                # a new dash: a new quotation
    (["– Jeg støtter kampen, skal Kim ha sagt.", "Han smilte."], [WHOLE, NONE]),
    (["«Vi har ventet lenge.", "Endelig skjer det», sa hun."], [START, END]),
    (["Han sa at de skal «kjempe sammen».", "Det var alt."], [WHOLE, NONE]),
    (["– Bli inne i kveld!", "Det er ikke vær for å gå ut."], [START, END]),   # runs to the paragraph's end
])
def test_roles_from_the_source(sentences, roles):
    assert quote_roles(sentences) == roles


def test_join_makes_one_quotation():
    texts = ["“That is why we came here.”", "“North Korea's leader is showing great interest,” Putin said."]
    assert join_quotations(texts, [True]) == ["“That is why we came here.",
                                              "North Korea's leader is showing great interest,” Putin said."]
    three = ["“We must act.”", "“The flood is coming.”", "“It is urgent,” she says."]
    assert " ".join(join_quotations(three, [True, True])) == "“We must act. The flood is coming. It is urgent,” she says."
    straight = ['"Stay inside!"', '"It is no weather for it," says Lunde.']
    assert " ".join(join_quotations(straight, [True])) == '"Stay inside! It is no weather for it," says Lunde.'


@pytest.mark.parametrize("texts, across", [
    (["“We came.”", "“Yes,” he said."], [False]),                      # the source has two quotations
    (["“We came.”", None], [True]),                                    # the next sentence is shown in the source
    (["“We came.", "The leader is interested,” Putin said."], [True]),  # already one quotation
    (["He said “we came.”", "“Yes.”"], [True]),                         # the mark closes a quotation the sentence opened
    (["We came.", "“Yes,” he said."], [True]),                          # nothing to close
])
def test_nothing_joined_unless_marks_close_and_reopen_a_running_quotation(texts, across):
    expected = list(texts)
    if texts == ["He said “we came.”", "“Yes.”"]:
        expected = ["He said “we came.", "Yes.”"]  # a quotation opened inside the first sentence also runs on
    assert join_quotations(texts, across) == expected


_MARKS = "“”\"«»"


@given(st.lists(st.text(alphabet="ab .,!“”\"«»", max_size=12), min_size=1, max_size=5), st.data())
def test_joining_only_ever_removes_quotation_marks(texts, data):
    across = data.draw(st.lists(st.booleans(), min_size=len(texts) - 1, max_size=len(texts) - 1))
    out = join_quotations(texts, across)
    strip = lambda s: "".join(c for c in s if c not in _MARKS)  # noqa: E731
    assert [strip(t) for t in out] == [strip(t) for t in texts]
    assert sum(len(a) - len(b) for a, b in zip(texts, out)) % 2 == 0  # marks go in pairs: a close and an open


ARTICLE = """# Putin

– Det er derfor vi har kommet hit. Nord-Koreas leder viser stor interesse for rakettteknologi, sa Putin.

– Jeg er glad for å se deg, sa Putin.
"""
MT = {
    "Putin": "Putin",
    "– Det er derfor vi har kommet hit.": "“That is why we came here.”",
    "Nord-Koreas leder viser stor interesse for rakettteknologi, sa Putin.":
        "“North Korea's leader is showing great interest in rocket technology,” Putin said.",
    "– Jeg er glad for å se deg, sa Putin.": "“I am glad to see you,” Putin said.",
}
ONE = "“That is why we came here. North Korea's leader is showing great interest in rocket technology,” Putin said."


def _catalog() -> polib.POFile:
    po = polib.POFile()
    for msgid, msgstr in MT.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    return po


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_dialogue_dash_paragraph_builds_as_one_quotation(fmt):
    article = parse_article(ARTICLE, Path("putin.md"))
    po = _catalog()
    rendered = render_blocks(article, po, fmt=fmt)
    out = {"md": lambda: assemble_markdown(article, rendered), "html": lambda: render_html(article, rendered, "en"),
           "txt": lambda: render_text(article, rendered)}[fmt]()
    assert ONE in out and "”  “" not in out and "” “" not in out
    assert "“I am glad to see you,” Putin said." in out
    assert [e.msgstr for e in po] == list(MT.values())  # the catalogue keeps what reviewers wrote


def test_a_sentence_shown_in_the_source_is_not_joined_over():
    article = parse_article(ARTICLE, Path("putin.md"))
    po = _catalog()
    po.find("Nord-Koreas leder viser stor interesse for rakettteknologi, sa Putin.").msgstr = ""
    out = assemble_markdown(article, render_blocks(article, po))
    assert "“That is why we came here.” Nord-Koreas leder" in out


def test_joins_only_inside_running_quotations():
    assert joins([START, MIDDLE, END, WHOLE, START, END]) == [True, True, False, False, True]


def test_request_record_says_where_the_quotation_starts_and_ends():
    from l10n.translate_context import ArticleContext, make_request

    ctx = ArticleContext("putin", "Putin")
    paragraph = ["– Det er derfor vi har kommet hit.", "Nord-Koreas leder viser stor interesse, sa Putin.",
                 "Så gikk han."]
    for text in paragraph:
        ctx.add(("", text), text, 3, "paragraph")
    ctx.add(("", "– Ja, sa Kim."), "– Ja, sa Kim.", 4, "paragraph")
    roles = [make_request(ctx, polib.POEntry(msgid=t), t, str(i), 1, ()).quote
             for i, t in enumerate(paragraph + ["– Ja, sa Kim."])]
    assert roles == [START, END, NONE, WHOLE]


def _roles_char_by_char(sentences: list[str]) -> list[str]:
    """The first implementation of quote_roles, character by character: the reference for the counting one."""
    import l10n.quotes as q

    roles, dash, depth, last = [], False, 0, len(sentences) - 1
    for i, text in enumerate(sentences):
        opens_dash = bool(q._DASH_OPEN.match(text))
        before = depth > 0 or (dash and not opens_dash)
        dash = dash or opens_dash
        for ch in text:
            depth += (ch in "«“") - (ch in "»”")
        depth = max(depth, 0)
        if dash and (q._attribution().search(text) or q._CLOSING_DASH.search(text[2:])):
            dash = False
        after = depth > 0 or (dash and i < last and not q._DASH_OPEN.match(sentences[i + 1]))
        marked = opens_dash or any(ch in "«“»”" for ch in text)
        roles.append(MIDDLE if before and after else END if before else START if after else WHOLE if marked else NONE)
    return roles


@given(st.lists(st.text(alphabet="«»“”–- ab,.sa", max_size=12), max_size=6))
def test_counted_roles_equal_the_character_loop(sentences):
    assert quote_roles(sentences) == _roles_char_by_char(sentences)


@given(st.lists(st.one_of(st.none(), st.sampled_from(["“A.", "B,”", "«C", "D»", "E."])), max_size=8), st.data())
def test_nothing_is_joined_without_two_translated_neighbours(texts, data) -> None:
    """What lets the build skip quote analysis for an untranslated block (assemble.py)."""
    across = data.draw(st.lists(st.booleans(), min_size=max(len(texts) - 1, 0), max_size=max(len(texts) - 1, 0)))
    if not any(a is not None and b is not None for a, b in zip(texts, texts[1:])):
        assert join_quotations(texts, across) == texts
