"""What a translate run reports: counts, failures, per-article estimates for ``--dry-run``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Failure:
    lang: str
    slug: str
    msgid: str
    reason: str


@dataclass
class ArticlePlan:
    """What a run would send for one article (``--dry-run``)."""

    lang: str
    slug: str
    segments: int = 0
    characters: int = 0
    cost: float = 0.0
    from_tm: int = 0
    cached: int = 0
    requests: int = 0
    prompt_characters: int = 0
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass
class TranslateSummary:
    """Counts of one run. ``translated`` includes entries filled from the MT cache."""

    engine: str
    dry_run: bool = False
    translated: int = 0
    from_tm: int = 0
    from_cache: int = 0
    copied: int = 0
    terms_restored: int = 0
    masking_fallbacks: int = 0
    requests: int = 0
    characters: int = 0
    not_attempted: int = 0
    distrusted: int = 0  # batches whose answer failed verification and were resent smaller
    term_retries: int = 0  # segments re-requested because an approved glossary rendering was missing
    spent: float = 0.0  # estimated cost of what was sent
    max_cost: float | None = None
    stopped: str = ""  # why the run stopped early (cost limit)
    failed: list[Failure] = field(default_factory=list)
    plans: list[ArticlePlan] = field(default_factory=list)
    fatal: str = ""

    @property
    def estimated_cost(self) -> float:
        return sum(p.cost for p in self.plans)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["estimated_cost"] = round(self.estimated_cost, 6)
        data["spent"] = round(self.spent, 6)
        return data

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """Human summary: one line per article for a dry run, else totals plus one line per failure."""
        if self.dry_run:
            return self._plan_lines()
        out = [f"{self.engine}: {self.translated} translated ({self.from_cache} from cache), {self.from_tm} from TM, "
               f"{len(self.failed)} failed, {self.terms_restored} protected terms restored, "
               f"{self.masking_fallbacks} masking fallbacks, {self.requests} requests"
               + (f", {self.distrusted} answers distrusted and resent smaller" if self.distrusted else "")
               + (f", about {self.spent:.4f} USD" if self.spent else "")]
        out += [f"failed: {f.lang}/{f.slug}: {_short(f.msgid)}: {f.reason}" for f in self.failed]
        if self.stopped:
            out.append(self.stopped)
        if self.not_attempted:
            out.append(f"{self.not_attempted} segments not attempted (left untranslated for a later run)")
        return out

    def _plan_lines(self) -> list[str]:
        out = []
        for p in self.plans:
            tokens = f", about {p.input_tokens + p.output_tokens} tokens" if p.input_tokens else ""
            out.append(f"{p.lang}/{p.slug}: {p.segments} segments, {p.characters} characters to send{tokens}"
                       + (f", about {p.cost:.4f} USD" if p.cost else "")
                       + (f" ({p.from_tm} from TM, {p.cached} cached)" if p.from_tm or p.cached else ""))
        total = sum(p.characters for p in self.plans)
        tokens_in = sum(p.input_tokens for p in self.plans)
        tokens_out = sum(p.output_tokens for p in self.plans)
        requests = sum(p.requests for p in self.plans)
        out.append(f"{self.engine}: {sum(p.segments for p in self.plans)} segments, {total} characters"
                   + (f", {requests} requests" if requests else "")
                   + (f", about {tokens_in} input + {tokens_out} output tokens" if tokens_in else "")
                   + (f", estimated cost {self.estimated_cost:.4f} USD" if self.estimated_cost else ""))
        if self.max_cost is not None and self.estimated_cost > self.max_cost:
            out.append(f"the estimate is over --max-cost {self.max_cost:g} USD: a run would stop before passing it")
        return out


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
