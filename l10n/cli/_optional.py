"""Import the command modules of each subsystem (one module per concern)."""

from __future__ import annotations

import importlib

COMMAND_MODULES = (
    "segment_cmd",
    "translate_cmd",
    "tm_cmds",
    "glossary_cmds",
    "review_cmd",
    "qa_cmd",
)

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"{__package__}.{_name}")
    except ModuleNotFoundError as exc:  # a subsystem not written yet
        if exc.name != f"{__package__}.{_name}":
            raise
