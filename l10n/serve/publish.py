"""Preview (the article as built HTML with the reviewed translations) and Publish (build
behind the QA gate of ``build --fail-on``), for one article and language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..assemble import render_blocks
from ..buildgate import build_gated
from ..render import render_html
from .desk import Desk

# Publishing needs no error finding on a translation it uses and every sentence in the
# target language: a half-Norwegian page must not go out.
GATE = "untranslated"


def preview_html(desk: Desk, lang: str, slug: str) -> str:
    """What ``l10n build --format html`` would write now: reviewed text only, the rest marked."""
    article = desk.article(slug)
    po = desk.catalog(lang, slug)
    rendered = render_blocks(article, po, source_lang=desk.source_lang, fallback="mark", fmt="html")
    return render_html(article, rendered, lang)


@dataclass
class PublishResult:
    published: bool
    path: str = ""
    blockers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"published": self.published, "path": self.path, "blockers": self.blockers, "gate": GATE}


def publish(desk: Desk, lang: str, slug: str) -> PublishResult:
    """``l10n build --fail-on untranslated`` for one article: built only when nothing blocks it."""
    desk.catalog_path(lang, slug)  # a 404 for what the project does not have
    config = desk.config
    result = build_gated(config, lang, only=[slug], fail_on=GATE)
    if result.refused:
        return PublishResult(False, blockers=[reason for r in result.refused for reason in r.reasons])
    built = result.built[0]
    rel = built.path.relative_to(config.root) if built.path.is_relative_to(config.root) else built.path
    return PublishResult(True, str(rel))
