from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.config import load_config
from l10n.qa import run_qa
from l10n.report import _dumps, render_html, render_json, render_text

QA = Path(__file__).parent / "data" / "qa"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.scripts = 0
        self.event_attrs = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.scripts += 1
        self.event_attrs += sum(1 for name, _ in attrs if name.startswith("on"))


def _project_result():
    return run_qa(None, config=load_config(QA / "project"), lang="en")


def test_html_escapes_untrusted_article_text():
    html = render_html(_project_result())
    parser = _Collector()
    parser.feed(html)
    parser.close()
    assert parser.scripts == 0 and parser.event_attrs == 0
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b onmouseover=&quot;x&quot;&gt;" in html
    assert {"html", "head", "body", "table", "mark"} <= set(parser.tags)


def test_html_marks_findings_in_place_and_shows_state():
    html = render_html(_project_result())
    assert '<mark class="error" title="near-miss: ' in html or '<mark class="error" title="glossary-forbidden: ' in html
    assert 'class="state fuzzy"' in html and 'class="state translated"' in html
    assert 'href="#article-nyheter"' in html


def test_text_report_groups_and_highlights():
    text = render_text(run_qa([QA / "broken.po"]))
    assert "== havn ==" in text and "== moete ==" in text
    assert "⟦Shojo⟧" in text
    assert text.rstrip().splitlines()[-1].startswith("1 file(s), 13 entries:")


def test_text_report_colour():
    text = render_text(run_qa([QA / "broken.po"]), color=True)
    assert "\033[1;31m" in text and "⟦" not in text


def test_json_is_stable():
    import json

    data = json.loads(render_json(run_qa([QA / "broken.po"])))
    assert data["version"] == 1
    first = data["findings"][0]
    assert list(first)[:8] == ["path", "line", "msgctxt", "msgid", "msgstr", "check", "severity", "message"]


def test_text_report_shows_control_characters_instead_of_sending_them(tmp_path):
    """Article text is untrusted: an ESC sequence in a catalogue must not reach the terminal raw."""
    po = tmp_path / "esc.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
                  'msgid "Prisen steg med 2,5 prosent."\n'
                  'msgstr "The price rose by 2.6 per cent \x1b]0;owned\x07 \x1b[2J."\n', encoding="utf-8")
    for color in (False, True):
        text = render_text(run_qa([po]), color=color)
        assert "\x1b]" not in text and "\x07" not in text and "\x1b[2J" not in text
        assert "\\x1b]0;owned\\x07" in text


# what a report holds: text (any code point, control characters too), counts, rounded scores
_REPORT_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1),
                            st.floats(0, 1000).map(lambda x: round(x, 3)), st.text())
_REPORT_VALUES = st.recursive(_REPORT_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_REPORT_VALUES)
def test_report_json_is_the_text_json_dumps_writes(value):
    assert _dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_report_json_of_a_lone_surrogate_falls_back_to_json():
    assert _dumps({"msgstr": "a\ud800b"}) == json.dumps({"msgstr": "a\ud800b"}, ensure_ascii=False, indent=2)
