"""Project-level operations: init, extract, update, build, stats.

Each function takes a :class:`~l10n.config.Config`, works on every article
(or the ones named) and returns plain result objects the CLI prints.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .config import CONFIG_NAME, DEFAULT_TOML, Config
from .config_schema import ARTICLE_SUFFIXES, BUILD_FALLBACKS as FALLBACKS, BUILD_FORMATS as FORMATS
from .errors import ArticleError, AssemblyError, ConfigError
from .fsutil import atomic_write_text, child, relative_to
from .notes import note
from .results import BuildResult, ExtractResult, UpdateResult  # noqa: F401 - results of the functions below
from .state import BuildOptions

if TYPE_CHECKING:  # polib, the catalogue module, the article parser and the locale data load only when used
    import polib

    from .article import Article

    from .catalog import Counts



# --- init ------------------------------------------------------------------------

def init_project(folder: Path, source: str = "nb", targets: tuple[str, ...] = ("en",), name: str | None = None) -> Path:
    """Create l10n.toml and the standard folders; never overwrite an existing project."""
    from .languages import normalize

    source = normalize(source, "--source")
    targets = tuple(normalize(t, "--target") for t in targets)
    config_path = folder / CONFIG_NAME
    if config_path.exists():
        raise ConfigError("a project already exists here", config_path)
    folder.mkdir(parents=True, exist_ok=True)
    name = name or folder.resolve().name
    # A TOML basic string: the folder name may hold a backslash or a quote.
    text = DEFAULT_TOML.format(name=name.replace("\\", "\\\\").replace('"', '\\"'), source=source,
                               targets=", ".join(f'"{t}"' for t in targets))
    atomic_write_text(config_path, text)
    for sub in ("source_articles", "locales/templates", *(f"locales/{t}/LC_MESSAGES" for t in targets)):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    glossary = folder / "glossary.csv"
    if not glossary.exists():
        atomic_write_text(glossary, "source,target,type,forbidden,note\n")
    return config_path


# --- articles ----------------------------------------------------------------------

def discover_articles(config: Config, only: tuple[str, ...] | list[str] | None = None) -> list[Path]:
    """Article files of the project, sorted; ``only`` picks by slug or path."""
    folder = config.source_dir
    if not folder.is_dir():
        raise ConfigError(f"source folder {folder} does not exist", config.path)
    with os.scandir(folder) as entries:  # no stat per file, unlike Path.is_file (this runs on every no-op run)
        names = sorted(e.name for e in entries if os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES and e.is_file())
    found = []
    for name in names:
        if name.startswith("."):  # hidden, or macOS metadata (._name.md) copied from a Mac disk
            kind = "macOS metadata file" if name.startswith("._") else "hidden file"
            note(f"{relative_to(folder / name, config.root)}: skipped ({kind}, not an article)")
            continue
        found.append(child(folder, name))
    if not only:
        return found
    chosen = []
    for item in only:
        slug = unicodedata.normalize("NFC", Path(item).stem)  # macOS names files in NFD: "å" as "a" + ring
        match = [p for p in found if unicodedata.normalize("NFC", p.stem) == slug]
        if not match:
            raise ArticleError(f"no article {item!r} in {relative_to(folder, config.root)}", item)
        chosen.extend(match)
    return chosen


def article_paths(config: Config, only: tuple[str, ...] | list[str] | None = None) -> list[Path]:
    """Article files to work on; two files with one slug (a.md, a.txt) are an error."""
    paths = discover_articles(config, only)
    slugs: dict[str, Path] = {}
    for path in paths:
        if path.stem in slugs:
            raise ArticleError(f"two articles share the slug {path.stem!r} ({slugs[path.stem].name})", path)
        slugs[path.stem] = path
    return paths


def iter_articles(config: Config, only: tuple[str, ...] | list[str] | None = None) -> Iterator[Article]:
    """Parse articles one at a time, so memory stays flat however many there are."""
    from .article import read_article

    for path in article_paths(config, only):
        yield read_article(path)


def load_articles(config: Config, only: tuple[str, ...] | list[str] | None = None) -> list[Article]:
    return list(iter_articles(config, only))


# --- extract -----------------------------------------------------------------------

def extract_project(config: Config, only: tuple[str, ...] | list[str] | None = None) -> list[ExtractResult]:
    """Segment every article and write ``locales/templates/<slug>.pot`` where it changed.

    On a whole-project run, templates whose article is gone are removed (they hold
    nothing a person wrote; the language catalogues keep their translations).
    """
    from .incremental import extract_articles

    return extract_articles(config, article_paths(config, only), whole=not only)


# --- update ------------------------------------------------------------------------

def update_project(config: Config, lang: str | None = None, only: tuple[str, ...] | list[str] | None = None) -> list[UpdateResult]:
    """Create or merge every language catalogue from its template (msgmerge semantics)."""
    from .incremental import update_catalogs

    return update_catalogs(config, config.languages(lang), _template_slugs(config, only))


def _template_slugs(config: Config, only: tuple[str, ...] | list[str] | None) -> list[str]:
    if only:
        return [Path(item).stem for item in only]
    folder = config.templates_dir
    return sorted(p.stem for p in folder.glob("*.pot")) if folder.is_dir() else []


# --- build -------------------------------------------------------------------------

def build_options(config: Config, fmt: str | None = None, fallback: str | None = None,
                  include_fuzzy: bool = False) -> BuildOptions:
    """The build settings: arguments first, then ``[build]`` in l10n.toml."""
    settings = config.section("build")
    fmt = fmt or settings.get("format", "md")
    fallback = fallback or settings.get("fallback", "source")
    if fmt not in FORMATS:
        raise AssemblyError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fallback not in FALLBACKS:
        raise AssemblyError(f"unknown fallback {fallback!r} (choose from {', '.join(FALLBACKS)})")
    return BuildOptions(fmt, fallback, bool(include_fuzzy))


def build_article(config: Config, article: Article, lang: str, fmt: str = "md", fallback: str = "source",
                  include_fuzzy: bool = False) -> BuildResult:
    """Build one article (the output is rewritten only when its bytes change)."""
    from .steps import ArticleWork, Job

    options = build_options(config, fmt, fallback, include_fuzzy)
    work = ArticleWork(config, Job(article.slug, article.path, [lang], frozenset({"build"}), build=options))
    work._article = article
    work.build(lang)
    return work.out.built[0]


def build_project(config: Config, lang: str | None = None, fmt: str | None = None, fallback: str | None = None,
                  include_fuzzy: bool = False, only: tuple[str, ...] | list[str] | None = None) -> list[BuildResult]:
    """Write ``build/<lang>/<slug>.<ext>`` for every article and language where it changed."""
    from .incremental import build_articles

    options = build_options(config, fmt, fallback, include_fuzzy)
    return build_articles(config, config.languages(lang), article_paths(config, only), options)


# --- stats -------------------------------------------------------------------------

def catalog_counts(po: polib.POFile) -> Counts:
    """pocount's rules: fuzzy needs a msgstr, obsolete and header entries do not count."""
    from .catalog import Counts
    from .entrymeta import has_translation, is_fuzzy
    from .wordcount import count_words

    counts = Counts()
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        words = count_words(entry.msgid)
        if entry.msgid_plural:
            words += count_words(entry.msgid_plural)
        if entry.translated():
            counts.translated += 1
            counts.translated_words += words
        elif is_fuzzy(entry) and has_translation(entry):
            counts.fuzzy += 1
            counts.fuzzy_words += words
        else:
            counts.untranslated += 1
            counts.untranslated_words += words
    return counts


@dataclass
class StatsReport:
    rows: list[tuple[str, str, Counts]] = field(default_factory=list)

    def total(self, lang: str | None = None) -> Counts:
        from .catalog import Counts

        total = Counts()
        for _, code, counts in self.rows:
            if lang is None or code == lang:
                total.add(counts)
        return total

    def as_json(self) -> str:
        langs = sorted({code for _, code, _ in self.rows})
        data = {
            "version": 1,
            "articles": [dict(slug=slug, lang=code, **c.as_dict()) for slug, code, c in self.rows],
            "totals": {code: self.total(code).as_dict() for code in langs},
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def stats_project(config: Config, lang: str | None = None, only: tuple[str, ...] | list[str] | None = None) -> StatsReport:
    from .catalog import read_catalog

    report = StatsReport()
    for code in config.languages(lang):
        for slug in _template_slugs(config, only):
            path = config.po_path(code, slug)
            source = read_catalog(path) if path.exists() else read_catalog(config.pot_path(slug))
            report.rows.append((slug, code, catalog_counts(source)))
    return report
