"""QA checks: one class per check, listed explicitly in :mod:`l10n.checks.registry`."""

from __future__ import annotations

from .base import Check, CheckContext, Finding
from .registry import CHECK_IDS, CHECKS, get_check, select_checks

__all__ = ["CHECKS", "CHECK_IDS", "Check", "CheckContext", "Finding", "get_check", "select_checks"]
