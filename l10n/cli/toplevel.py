"""What ``l10n --help`` and ``l10n --version`` print, held and rendered without click.

Importing click costs more than starting the interpreter, so these two answers
come from here: the group's help text and the command table (which
:mod:`l10n.cli.group` hands to click as well, so the two cannot drift apart),
laid out by the rules of click's ``HelpFormatter`` for the same terminal width.
tests/test_cli_startup.py holds the output equal to click's own rendering at
every width click can choose. Anything else on the command line goes to click.
"""

from __future__ import annotations

import os
import sys

from .. import __version__

PROG = "l10n"
MAX_WIDTH = 100  # the group's max_content_width
HELP_NAMES = ("-h", "--help")

HELP = """Norwegian news articles to reviewed translations.

\b
Typical session:
  l10n init myproject --source nb --target en
  cd myproject && cp ~/artikler/*.md source_articles/
  l10n run                # extract, update, translate, build
  l10n review --lang en   # or open locales/en/LC_MESSAGES/*.po in Poedit
  l10n qa --lang en       # findings; exit 1 on errors
  l10n build --lang en    # build/en/<slug>.md
  l10n serve              # review in the browser

Settings live in l10n.toml, found by walking up from the current folder
(override with --project DIR on each command)."""

# Each command: the module that registers it on first use, and the one-line summary the
# command list shows (tests/test_cli_startup.py holds it equal to the command's docstring).
_PROJECT = "l10n.cli.project_cmds"
COMMANDS: dict[str, tuple[str, str]] = {
    "build": (_PROJECT, "Reassemble translated articles into build/<lang>/<slug>.<ext>."),
    "extract": (_PROJECT, "Segment articles into sentences and write locales/templates/<slug>.pot."),
    "glossary": ("l10n.cli.glossary_cmds",
                 "Approved terms and names, with the wrong renderings MT is known to produce."),
    "init": (_PROJECT, "Create a translation project in FOLDER or --project DIR (default: here)."),
    "qa": ("l10n.cli.qa_cmd",
           "Check translations: review state, glossary, names, numbers and dates, mechanics, MT pitfalls."),
    "review": ("l10n.cli.review_cmd", "Review fuzzy and untranslated entries one at a time."),
    "run": (_PROJECT, "Do the whole job: extract, update, translation memory, translate, build."),
    "segment": ("l10n.cli.segment_cmd", "Print the sentences of FILE (or standard input, '-'), one per line."),
    "serve": ("l10n.cli.serve_cmd", "Review translations in the browser, article by article."),
    "stats": (_PROJECT, "Entries and source words translated / fuzzy / untranslated, per article and in total."),
    "tm": ("l10n.cli.tm_cmds", "Translation memory: reviewed translations, reused before any MT call."),
    "translate": ("l10n.cli.translate_cmd", "Fill untranslated sentences from the translation memory, then by MT."),
    "update": (_PROJECT, "Create or merge locales/<lang>/LC_MESSAGES/<slug>.po from the templates."),
}

# click's own wording for the two options of the group (click.version_option and the help option)
OPTIONS = (("--version", "Show the version and exit."), (", ".join(HELP_NAMES), "Show this message and exit."))
VERSION_TEXT = f"{PROG}, version {__version__}"


def answer(args: list[str], environ: dict[str, str] | os._Environ = os.environ) -> str | None:
    """The text click would print for ``args``, when it is the group's help or version; else None."""
    if len(args) != 1 or f"_{PROG.upper()}_COMPLETE" in environ:  # shell completion is click's business
        return None
    if args[0] in HELP_NAMES:
        return render_help(help_width(environ))
    if args[0] == "--version":
        return VERSION_TEXT
    return None


def help_width(environ: dict[str, str] | os._Environ = os.environ) -> int:
    """The width click's HelpFormatter picks: the terminal's columns (as ``shutil.get_terminal_size``
    finds them: $COLUMNS, then the terminal, then 80), at most MAX_WIDTH, minus 2, at least 50."""
    try:
        columns = int(environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, MAX_WIDTH) - 2, 50)


def render_help(width: int) -> str:
    """Usage, help text, options and commands, laid out as click lays out the group's help."""
    import textwrap

    out = [_fill(textwrap, "[OPTIONS] COMMAND [ARGS]...", width, f"Usage: {PROG} ", " " * len(f"Usage: {PROG} "))]
    out.append("\n\n" + _paragraphs(textwrap, HELP, width, "  ") + "\n")
    out.append("\nOptions:\n" + _definitions(textwrap, OPTIONS, width))
    limit = width - 6 - max(len(name) for name in COMMANDS)
    rows = [(name, short_help(textwrap, summary, limit)) for name, (_, summary) in sorted(COMMANDS.items())]
    out.append("\nCommands:\n" + _definitions(textwrap, rows, width))
    return "".join(out).rstrip("\n")


def short_help(textwrap, text: str, limit: int) -> str:  # noqa: ANN001 - the module, imported late
    """A summary cut to ``limit`` characters the way click shortens a command's help: the first
    sentence of the first paragraph, then whole words and ``...``."""
    words = text.partition("\n\n")[0].split()
    if words and words[0] == "\b":
        words = words[1:]
    for i, word in enumerate(words):
        if word.endswith(".") and (i == len(words) - 1 or not words[i + 1][0].islower()):
            words = words[:i + 1]
            break
    text = " ".join(words)
    if len(text) <= limit:
        return text
    if limit < 3:
        return "..."
    return textwrap.shorten(text, limit, placeholder="...", break_on_hyphens=False).strip()


def _wrapper(textwrap, width: int, first: str, rest: str):  # noqa: ANN001, ANN202
    return textwrap.TextWrapper(width, initial_indent=first, subsequent_indent=rest, replace_whitespace=False)


def _fill(textwrap, text: str, width: int, first: str = "", rest: str = "") -> str:  # noqa: ANN001
    return _wrapper(textwrap, width, first, rest).fill(text.expandtabs())


def _paragraphs(textwrap, text: str, width: int, indent: str) -> str:  # noqa: ANN001
    """Paragraphs rewrapped, except one whose first line is ``\\b`` (kept line by line)."""
    blocks: list[tuple[int, bool, list[str]]] = []
    lines: list[str] = []
    lead = -1
    for line in [*text.expandtabs().splitlines(), ""]:
        if line:
            if not lines:
                lead = len(line) - len(line.lstrip())
                line = line.lstrip()
            lines.append(line)
        elif lines:
            raw = lines[0].strip() == "\b"
            blocks.append((lead, raw, lines[1:] if raw else lines))
            lines = []
    out = []
    for lead, raw, body in blocks:
        prefix = indent + " " * lead
        if raw:
            out.append("\n".join(prefix + line for line in body))
        else:
            out.append(_fill(textwrap, " ".join(body), width, prefix, prefix))
    return "\n\n".join(out)


def _definitions(textwrap, rows, width: int, indent: int = 2) -> str:  # noqa: ANN001
    """Two columns as click's ``write_dl`` sets them: names up to 30 wide, the text wrapped beside."""
    first_col = min(max(len(name) for name, _ in rows), 30) + 2
    text_width = max(width - first_col - 2, 10)
    out = []
    for name, text in rows:
        head = " " * indent + name
        if not text:
            out.append(head + "\n")
            continue
        head += " " * (first_col - len(name)) if len(name) <= first_col - 2 else "\n" + " " * (first_col + indent)
        lines = _paragraphs(textwrap, text, text_width, "").splitlines() or [""]
        out.append(head + lines[0] + "\n" + "".join(" " * (first_col + indent) + line + "\n" for line in lines[1:]))
    return "".join(out)
