"""The explicit list of checks (no discovery by introspection) and lookup by id."""

from __future__ import annotations

from ..errors import QAError
from .base import Check
from .consistency import ConsistencyCheck
from .glossary import GlossaryForbiddenCheck, GlossaryTermCheck
from .injection import AddedMarkupCheck
from .leftover import LeftoverSourceCheck
from .markup import MarkdownCheck, MaxLengthCheck, NewlineCheck, PlaceholderCheck
from .mechanics import (
    BracketsQuotesCheck,
    DialogueDashCheck,
    EndPunctuationCheck,
    LengthRatioCheck,
    LinksCheck,
    QuoteStyleCheck,
    RepeatedWordCheck,
    WhitespaceCheck,
)
from .modality import ModalityCheck
from .omission import OmissionCheck
from .negation import NegationCountCheck
from .names import NamesCheck, NearMissCheck
from .numbers import DatesCheck, NumberFormatCheck, NumbersCheck
from .pitfalls import PitfallCheck
from .times import TimesCheck
from .units import UnitsCheck
from .swaps import SwappedNamesCheck
from .state import FuzzyCheck, UnchangedCheck, UnknownIgnoreFlagCheck, UntranslatedCheck

CHECKS: tuple[type[Check], ...] = (
    UntranslatedCheck,
    FuzzyCheck,
    UnchangedCheck,
    UnknownIgnoreFlagCheck,
    GlossaryTermCheck,
    GlossaryForbiddenCheck,
    NearMissCheck,
    NamesCheck,
    SwappedNamesCheck,
    NumbersCheck,
    NumberFormatCheck,
    DatesCheck,
    UnitsCheck,
    TimesCheck,
    ModalityCheck,
    EndPunctuationCheck,
    BracketsQuotesCheck,
    LinksCheck,
    MarkdownCheck,
    AddedMarkupCheck,
    PlaceholderCheck,
    NewlineCheck,
    WhitespaceCheck,
    RepeatedWordCheck,
    LengthRatioCheck,
    OmissionCheck,
    MaxLengthCheck,
    QuoteStyleCheck,
    DialogueDashCheck,
    LeftoverSourceCheck,
    ConsistencyCheck,
    PitfallCheck,
    NegationCountCheck,
)

CHECK_IDS: tuple[str, ...] = tuple(c.check_id for c in CHECKS)
_BY_ID = {c.check_id: c for c in CHECKS}


def get_check(check_id: str) -> type[Check]:
    try:
        return _BY_ID[check_id]
    except KeyError:
        raise QAError(f"unknown check {check_id!r}; known checks: {', '.join(CHECK_IDS)}") from None


def select_checks(only: list[str] | tuple[str, ...] = (), skip: list[str] | tuple[str, ...] = ()) -> list[Check]:
    """Instances of the checks to run: ``only`` if given (default-disabled ones too), minus ``skip``."""
    for check_id in (*only, *skip):
        get_check(check_id)
    chosen = [get_check(c) for c in only] if only else [c for c in CHECKS if not c.default_disabled]
    return [cls() for cls in chosen if cls.check_id not in skip]


def optional_checks(only: list[str] | tuple[str, ...] = (), skip: list[str] | tuple[str, ...] = ()) -> list[Check]:
    """Default-disabled checks not chosen explicitly: they run where an entry's flag enables them."""
    if only:
        return []
    return [cls() for cls in CHECKS if cls.default_disabled and cls.check_id not in skip]
