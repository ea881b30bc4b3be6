"""A project whose articles have machine-translated fuzzy entries (dummy engine), and the desk over it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the review desk needs the [serve] extra")

from starlette.testclient import TestClient  # noqa: E402

from l10n.config import load_config  # noqa: E402
from l10n.project import extract_project, init_project, update_project  # noqa: E402
from l10n.translate import translate_project  # noqa: E402

STORM = """---
title: Uvær stenger veier
lead: Flere veier er stengt etter uværet.
---

# Uvær stenger veier

Vinden nådde 41 m/s på [Lista](https://www.met.no/) i natt. Fergene står.

![Et tre over veien](https://example.org/tre.jpg)
Et tre har veltet over veien. Foto: NTB

## Fergene står

– Vi har aldri sett så mye vind, sa hun.

- Fylkesvei 57 er stengt.
- Kystriksveien er stengt.

> Hold dere hjemme i kveld.
"""

HOSTILE = """---
title: Farlig <script>alert('title')</script> tittel
---

# Overskrift "><img src=x onerror=alert('heading')>

Se [denne lenken](javascript:alert('link')) nå. Her er <script>alert('para')</script> tekst.

![Bilde "><img src=x onerror=alert('alt')>](javascript:alert)
"""

GLOSSARY = "source,target,type,forbidden,note\nLista,Lista,name,,\n"


def make_project(root: Path, articles: dict[str, str], translate: bool = True) -> Path:
    init_project(root, "nb", ("en",), name="nyheter")
    toml = root / "l10n.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('# engine = "libre"', 'engine = "dummy"'), encoding="utf-8")
    (root / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    for slug, text in articles.items():
        (root / "source_articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    config = load_config(root)
    extract_project(config)
    update_project(config, "en")
    if translate:
        translate_project(config, "en", engine="dummy", cache_path=False)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "nyheter", {"storm": STORM, "farlig": HOSTILE})


@pytest.fixture
def app(project: Path):
    from l10n.serve import create_app

    return create_app(load_config(project), "en", allowed_hosts=["testserver", "127.0.0.1"])


@pytest.fixture
def client(app) -> TestClient:
    with TestClient(app) as c:
        yield c


def csrf_of(client: TestClient, path: str = "/") -> str:
    """The CSRF token the page hands this client's session."""
    import re

    page = client.get(path).text
    return re.search(r'name="csrf-token" content="([0-9a-f]+)"', page).group(1)
