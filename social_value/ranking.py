"""The ranking rule, as a pure function over plain data.

Weighted total = Σ (moderated score ÷ scale maximum × weight) over scored
criteria, plus the price score.

Price score = lowest price ÷ this price × price weight, the lowest taken
among the submissions still in contention (compliant, through every gateway,
at or above every minimum score), so an excluded bid can never depress the
others' price scores.

Excluded, with the reason shown: non-compliant, a failed gateway, a
moderated score below a criterion's minimum, moderation not finished, no
price on a call with a price criterion.

Order: higher total; on a tie, higher social value score; then higher
quality score (the scored criteria that are not social value); then the
earlier submission. Submissions equal on all four share a rank (1, 2, 2, 4)
and are listed by reference, so the result never depends on the order rows
were created or read.

Arithmetic is exact (fractions); figures are rounded only for display.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property

GATEWAY, SCORED, PRICE = "gateway", "scored", "price"


@dataclass(frozen=True)
class CriterionInput:
    id: int
    kind: str
    title: str
    weight: Decimal = Decimal(0)
    is_social_value: bool = False
    min_score: int | None = None


@dataclass(frozen=True)
class SubmissionInput:
    id: int
    reference: str
    submitted_at: datetime
    price: Decimal | None = None
    compliant: bool = True
    # criterion id -> moderated score (scored) or pass/fail (gateway)
    scores: dict[int, int] = field(default_factory=dict)
    gateways: dict[int, bool] = field(default_factory=dict)


@dataclass
class RankedRow:
    submission_id: int
    reference: str
    submitted_at: datetime
    quality: Fraction = Fraction(0)
    social_value: Fraction = Fraction(0)
    price_score: Fraction = Fraction(0)
    rank: int | None = None
    excluded_reasons: list[str] = field(default_factory=list)

    @cached_property
    def total(self) -> Fraction:
        """Read once every part is known (rank_submissions sets them all
        before it sorts)."""
        return self.quality + self.social_value + self.price_score

    @property
    def excluded(self) -> bool:
        return bool(self.excluded_reasons)

    def as_dict(self) -> dict:
        return {
            "submission_id": self.submission_id,
            "reference": self.reference,
            "rank": self.rank,
            "total": str(display(self.total)),
            "quality": str(display(self.quality)),
            "social_value": str(display(self.social_value)),
            "price_score": str(display(self.price_score)),
            "excluded_reasons": self.excluded_reasons,
            "submitted_at": self.submitted_at.isoformat(),
        }


def display(value: Fraction) -> Decimal:
    """Two decimal places, half up, for screens and exports."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def _exclusions(submission: SubmissionInput, criteria: list[CriterionInput]) -> list[str]:
    reasons = []
    if not submission.compliant:
        reasons.append("Non-compliant")
    for criterion in criteria:
        if criterion.kind == GATEWAY:
            passed = submission.gateways.get(criterion.id)
            if passed is None:
                reasons.append(f"Not yet moderated: {criterion.title}")
            elif not passed:
                reasons.append(f"Failed gateway: {criterion.title}")
        elif criterion.kind == SCORED:
            score = submission.scores.get(criterion.id)
            if score is None:
                reasons.append(f"Not yet moderated: {criterion.title}")
            elif criterion.min_score is not None and score < criterion.min_score:
                reasons.append(
                    f"Below the minimum on {criterion.title}: "
                    f"scored {score}, minimum {criterion.min_score}"
                )
        elif criterion.kind == PRICE and (submission.price is None or submission.price <= 0):
            reasons.append("No price given")
    return reasons


def rank_submissions(
    *, criteria: list[CriterionInput], submissions: list[SubmissionInput], scale_max: int
) -> list[RankedRow]:
    """Rank submissions by the rule above; excluded ones come last, unranked."""
    # Each weight as an exact fraction once, and each submission's sums
    # divided by the scale once: the same exact figures as dividing every
    # score, for a tenth of the fraction arithmetic.
    scored = [(c.id, Fraction(c.weight), c.is_social_value) for c in criteria if c.kind == SCORED]
    rows = []
    for submission in submissions:
        row = RankedRow(submission.id, submission.reference, submission.submitted_at)
        row.excluded_reasons = _exclusions(submission, criteria)
        social_value, quality = Fraction(0), Fraction(0)
        for criterion_id, weight, is_social_value in scored:
            score = submission.scores.get(criterion_id)
            if score is None:
                continue
            if is_social_value:
                social_value += score * weight
            else:
                quality += score * weight
        row.social_value = social_value / scale_max
        row.quality = quality / scale_max
        rows.append((row, submission))

    price_criteria = [c for c in criteria if c.kind == PRICE]
    if price_criteria:
        price_weight = sum((Fraction(c.weight) for c in price_criteria), Fraction(0))
        in_contention = [s.price for row, s in rows if not row.excluded]
        lowest = min(in_contention) if in_contention else None
        for row, submission in rows:
            if not row.excluded and lowest is not None:
                row.price_score = Fraction(lowest) / Fraction(submission.price) * price_weight

    # Two stable sorts: the tie-breaks (earlier submission, then reference)
    # first, then the scores, highest first; no negated fractions made.
    ranked = sorted(
        (row for row, _ in rows if not row.excluded), key=lambda r: (r.submitted_at, r.reference)
    )
    ranked.sort(key=lambda r: (r.total, r.social_value, r.quality), reverse=True)
    previous_key, previous_rank = None, 0
    for position, row in enumerate(ranked, start=1):
        key = (row.total, row.social_value, row.quality, row.submitted_at)
        row.rank = previous_rank if key == previous_key else position
        previous_key, previous_rank = key, row.rank
    excluded = sorted((row for row, _ in rows if row.excluded), key=lambda r: r.reference)
    return ranked + excluded
