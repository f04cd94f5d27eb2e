"""Reads for scoring: built so a page's query count does not grow with its
rows (the officer's pages read whole calls in a handful of queries)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from foundation.money import money_round
from social_value.models import (
    ASSIGNMENT_DONE,
    Assignment,
    AssignmentState,
    Call,
    CallState,
    Commitment,
    Criterion,
    CriterionKind,
    ModeratedScore,
    Score,
    Submission,
)
from social_value.permissions import can_moderate
from social_value.ranking import CriterionInput, RankedRow, SubmissionInput, rank_submissions
from social_value.scales import scale_max

DONE = ASSIGNMENT_DONE


def assignments_outstanding(*, call: Call) -> QuerySet[Assignment]:
    return Assignment.objects.filter(submission__call=call).exclude(state__in=DONE)


def assignment_for(*, submission: Submission, user) -> Assignment | None:
    if not user.is_authenticated:
        return None
    return Assignment.objects.filter(submission=submission, member__user=user).first()


def is_recused(*, submission: Submission, user) -> bool:
    assignment = assignment_for(submission=submission, user=user)
    return assignment is not None and assignment.state == AssignmentState.RECUSED


def member_assignments(*, user) -> QuerySet[Assignment]:
    return Assignment.objects.filter(member__user=user).order_by(
        "submission__call__title", "submission__reference"
    )


@dataclass(frozen=True)
class PanelLine:
    """One line of a panel member's dashboard."""

    pk: int
    state: str
    reference: str
    title: str
    call_title: str

    @property
    def state_label(self) -> str:
        return AssignmentState(self.state).label


def panel_lines(*, assignments: QuerySet[Assignment]) -> list[PanelLine]:
    """Plain rows, not models: a member may have hundreds of submissions to
    score, and building an assignment, its submission and its call for each
    was most of the dashboard's time."""
    return [
        PanelLine(*row)
        for row in assignments.values_list(
            "pk", "state", "submission__reference", "submission__title", "submission__call__title"
        )
    ]


def progress_counts(*, assignments: QuerySet[Assignment]) -> dict[str, int]:
    counts = assignments.aggregate(
        total=Count("pk"),
        to_declare=Count("pk", filter=Q(state=AssignmentState.AWAITING_DECLARATION)),
        scoring=Count("pk", filter=Q(state=AssignmentState.SCORING)),
        submitted=Count("pk", filter=Q(state=AssignmentState.SUBMITTED)),
        recused=Count("pk", filter=Q(state=AssignmentState.RECUSED)),
    )
    return counts


def call_progress(*, call: Call) -> dict[str, int]:
    return progress_counts(assignments=Assignment.objects.filter(submission__call=call))


def scores_visible_to(*, submission: Submission, user) -> bool:
    """Nobody sees other members' scores until their own are submitted; the
    chair and officers see them once moderation opens."""
    assignment = assignment_for(submission=submission, user=user)
    if assignment is not None and assignment.state == AssignmentState.RECUSED:
        return False
    if assignment is not None and assignment.state == AssignmentState.SUBMITTED:
        return True
    return submission.call.state in (CallState.MODERATION, CallState.RANKED) and can_moderate(
        call=submission.call, user=user
    )


def submitted_scores(*, submission: Submission) -> QuerySet[Score]:
    return (
        Score.objects.filter(
            assignment__submission=submission, assignment__state=AssignmentState.SUBMITTED
        )
        .select_related("criterion", "assignment__member__user")
        .order_by("criterion__sort_order", "criterion__pk", "assignment__member__user__last_name")
    )


def latest_moderated(
    *, call: Call, submission_pk: int | None = None
) -> dict[tuple[int, int], ModeratedScore]:
    rows = ModeratedScore.objects.filter(submission__call=call)
    if submission_pk is not None:
        rows = rows.filter(submission=submission_pk)
    latest = {}
    for row in rows.select_related("moderated_by").order_by("moderated_at", "pk"):
        latest[(row.submission_id, row.criterion_id)] = row
    return latest


def ranking_for(*, call: Call, submissions_of=None) -> list[RankedRow]:
    """The call's ranking; `submissions_of` narrows it to one competition
    within the call (a tender's lot), prices compared within it alone."""
    criteria = list(call.criteria.all())
    # Only the four columns the rule reads, as plain tuples: building a
    # model instance (and its moderator) for each of thousands of rows was
    # most of the ranking's time. Later rows supersede earlier ones.
    moderated = {}
    for submission_id, criterion_id, score, passed in (
        ModeratedScore.objects.filter(submission__call=call)
        .order_by("moderated_at", "pk")
        .values_list("submission_id", "criterion_id", "score", "passed")
    ):
        moderated[(submission_id, criterion_id)] = (score, passed)
    if submissions_of is None:
        submissions_of = call.submissions.all()
    submissions = []
    for pk, reference, submitted_at, price, compliant in submissions_of.values_list(
        "pk", "reference", "submitted_at", "price", "compliant"
    ):
        scores, gateways = {}, {}
        for criterion in criteria:
            found = moderated.get((pk, criterion.pk))
            if found is None:
                continue
            if criterion.kind == CriterionKind.GATEWAY:
                gateways[criterion.pk] = found[1]
            elif criterion.kind == CriterionKind.SCORED:
                scores[criterion.pk] = found[0]
        submissions.append(
            SubmissionInput(
                id=pk,
                reference=reference,
                submitted_at=submitted_at,
                price=price,
                compliant=compliant,
                scores=scores,
                gateways=gateways,
            )
        )
    return rank_submissions(
        criteria=[
            CriterionInput(
                id=c.pk,
                kind=c.kind,
                title=c.title,
                weight=c.weight,
                is_social_value=c.is_social_value,
                min_score=c.min_score,
            )
            for c in criteria
        ],
        submissions=submissions,
        scale_max=scale_max(call.scale),
    )


@dataclass
class SheetCell:
    criterion: Criterion
    scores: list[tuple[str, int | None, str]] = field(default_factory=list)
    moderated: ModeratedScore | None = None
    threshold: int = 2
    error_form: object = None

    @property
    def values(self) -> list[int]:
        return [score for _, score, _ in self.scores if score is not None]

    @property
    def spread(self) -> int | None:
        return max(self.values) - min(self.values) if self.values else None

    @property
    def mean(self) -> Decimal | None:
        if not self.values:
            return None
        return (Decimal(sum(self.values)) / len(self.values)).quantize(Decimal("0.1"))

    @property
    def flagged(self) -> bool:
        """Members this far apart talk it through before agreeing a score."""
        return self.spread is not None and self.spread >= self.threshold

    @property
    def agreed(self) -> int | None:
        """The score the panel agreed on, when its members were closer than
        the threshold: their mean, rounded half up to a point of the scale.
        None when they disagreed, nobody scored it, or it is a gateway."""
        if self.criterion.kind != CriterionKind.SCORED or not self.values or self.flagged:
            return None
        return int(
            (Decimal(sum(self.values)) / len(self.values)).quantize(Decimal(1), ROUND_HALF_UP)
        )


@dataclass
class SheetRow:
    submission: Submission
    cells: list[SheetCell]
    recused: list[str]


def moderation_sheet(*, call: Call, submission_pk: int | None = None) -> list[SheetRow]:
    """Every member's score beside the moderated one, cell by cell; for
    one submission when its pk is given (the sheet shows one at a time)."""
    criteria = [c for c in call.criteria.all() if c.kind != CriterionKind.PRICE]
    scores = Score.objects.filter(
        assignment__submission__call=call, assignment__state=AssignmentState.SUBMITTED
    )
    recusals = Assignment.objects.filter(submission__call=call, state=AssignmentState.RECUSED)
    submissions = call.submissions.select_related("organisation")
    if submission_pk is not None:
        scores = scores.filter(assignment__submission=submission_pk)
        recusals = recusals.filter(submission=submission_pk)
        submissions = submissions.filter(pk=submission_pk)
    moderated = latest_moderated(call=call, submission_pk=submission_pk)
    by_cell: dict[tuple[int, int], list] = defaultdict(list)
    for submission_id, criterion_id, score, comment, first, last in scores.order_by(
        "assignment__member__user__last_name", "assignment__pk"
    ).values_list(
        "assignment__submission_id",
        "criterion_id",
        "score",
        "comment",
        "assignment__member__user__first_name",
        "assignment__member__user__last_name",
    ):
        by_cell[(submission_id, criterion_id)].append((f"{first} {last}", score, comment))
    recused: dict[int, list[str]] = defaultdict(list)
    for submission_id, first, last in recusals.values_list(
        "submission_id", "member__user__first_name", "member__user__last_name"
    ):
        recused[submission_id].append(f"{first} {last}")
    rows = []
    for each in submissions:
        cells = [
            SheetCell(
                criterion=criterion,
                scores=by_cell.get((each.pk, criterion.pk), []),
                moderated=moderated.get((each.pk, criterion.pk)),
                threshold=call.disagreement_threshold,
            )
            for criterion in criteria
        ]
        rows.append(SheetRow(submission=each, cells=cells, recused=recused[each.pk]))
    return rows


@dataclass
class DeliveryLine:
    """One commitment: what was promised, what was delivered so far, and
    what is still owed, in units and in pounds."""

    commitment: Commitment
    delivered: Decimal
    last_reported: date | None = None

    @property
    def promised_value(self) -> Decimal:
        return self.commitment.value

    @property
    def delivered_value(self) -> Decimal:
        return money_round(self.delivered * self.commitment.measure.proxy_value)

    @property
    def shortfall(self) -> Decimal:
        return max(self.commitment.quantity - self.delivered, Decimal(0))

    @property
    def shortfall_value(self) -> Decimal:
        return money_round(self.shortfall * self.commitment.measure.proxy_value)


def commitments_delivery(*, submission: Submission) -> list[DeliveryLine]:
    """Promised against delivered, per measure, with the day of the latest
    report. A first-year-only measure counts only reports whose period ends
    inside its first year."""
    lines = []
    for commitment in submission.commitments.select_related("measure").prefetch_related(
        "delivery_reports"
    ):
        reports = list(commitment.delivery_reports.all())
        delivered = sum(
            (
                report.quantity_delivered
                for report in reports
                if commitment.counts_on(report.period_end)
            ),
            Decimal(0),
        )
        last = max((timezone.localdate(r.reported_at) for r in reports), default=None)
        lines.append(DeliveryLine(commitment=commitment, delivered=delivered, last_reported=last))
    return lines


def delivery_totals(lines: list[DeliveryLine]) -> dict[str, Decimal]:
    """The promised, delivered and owed values of a whole set of lines."""
    return {
        "promised": sum((line.promised_value for line in lines), Decimal("0.00")),
        "delivered": sum((line.delivered_value for line in lines), Decimal("0.00")),
        "shortfall": sum((line.shortfall_value for line in lines), Decimal("0.00")),
    }


def commitments_total(*, submission: Submission) -> Decimal:
    return sum((c.value for c in submission.commitments.select_related("measure")), Decimal("0.00"))
