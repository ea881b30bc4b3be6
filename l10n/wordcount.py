"""Word counts that agree with Translate Toolkit's ``pocount``.

pocount drops ``<br>`` and XML tags, replaces every dot between two non-digits
(and those two characters) with a space, then counts Unicode (UAX #29) words
that hold a letter or digit. The regex below follows the UAX #29 joining rules
that matter for Latin-script text: letters joined by ``. ' ’ : ·``, digits
joined by ``. , ; ' ’``, letters and digits run together, ``_`` joins all.
"""

from __future__ import annotations

import re

_BR = re.compile(r"<br\s*?/?>")
_XML = re.compile(r"<(/?[a-zA-Z][\w.:-]*)(\s+[\w.:-]+=(\"[^\"]*\"|'[^']*'))*\s*/?>|</?[a-zA-Z][\w.:-]*>")
_DOT = re.compile(r"\D\.\D")
_WORD = re.compile(
    r"\w+(?:(?:(?<=[^\W\d_])[.'’:·](?=[^\W\d_])|(?<=\d)[.,;'’](?=\d))\w+)*"
)


def count_words(text: str) -> int:
    """Number of words in ``text`` by pocount's rules."""
    if "<" in text:  # no tag without one
        text = _XML.sub("", _BR.sub("\n", text))
    if "." in text:
        text = _DOT.sub(" ", text)
    return len(_WORD.findall(text))
