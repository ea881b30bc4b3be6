"""Preview (the article as built HTML with the reviewed translations) and Publish (build
behind the QA gate), for one article and language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..assemble import render_blocks
from ..checks.base import SEVERITY_RANK
from ..project import build_article
from ..qa import run_qa
from ..render import render_html
from .desk import Desk

GATE = "error"  # findings at or above this severity block publication (build --fail-on error)


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
    blockers: list[dict[str, str]] = field(default_factory=list)
    left_out: int = 0  # fuzzy or untranslated sentences the build replaced by the source

    def as_dict(self) -> dict[str, object]:
        return {"published": self.published, "path": self.path, "blockers": self.blockers, "left_out": self.left_out}


def publish(desk: Desk, lang: str, slug: str) -> PublishResult:
    """Run the QA gate on the article's catalogue and build it only when nothing blocks."""
    path = desk.catalog_path(lang, slug)
    result = run_qa([path], glossary=desk.glossary(), source_lang=desk.source_lang, lang=lang)
    blocking = [f for f in result.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[GATE]]
    if blocking:
        return PublishResult(False, blockers=[
            {"severity": f.severity, "check": f.check, "message": f.message, "source": f.msgid} for f in blocking])
    config = desk.config
    fmt = str(config.section("build").get("format", "html"))
    built = build_article(config, desk.article(slug), lang, fmt=fmt)
    rel = built.path.relative_to(config.root) if built.path.is_relative_to(config.root) else built.path
    return PublishResult(True, str(rel), left_out=built.stats.fuzzy + built.stats.missing)
