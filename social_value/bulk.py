"""A large call built fast, for the query-count tests and the benchmark:
N submissions × M scorers × K criteria, scored and moderated."""

from datetime import timedelta
from decimal import Decimal
from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.models import LegalForm, Organisation
from social_value.models import (
    Assignment,
    AssignmentState,
    Call,
    CallKind,
    CallState,
    Criterion,
    CriterionKind,
    Framework,
    FrameworkState,
    ModeratedScore,
    Panel,
    PanelMember,
    PanelRole,
    Score,
    Submission,
)


def bulk_call(*, submissions=200, members=5, criteria=8, seed=1, state=CallState.MODERATION):
    """A tender in moderation: every score submitted, every criterion moderated."""
    rng = Random(seed)  # noqa: S311 - sample data, not secrets
    User = get_user_model()
    stamp = f"{timezone.now():%H%M%S%f}-{rng.randrange(10**6)}"
    framework = Framework.objects.create(name=f"Bulk framework {stamp}")
    Framework.objects.filter(pk=framework.pk).update(state=FrameworkState.PUBLISHED)
    panel = Panel.objects.create(name=f"Bulk panel {stamp}")
    people = User.objects.bulk_create(
        User(email=f"bulk-{stamp}-{i}@example.org", first_name="Panel", last_name=f"Member {i}")
        for i in range(members)
    )
    seats = PanelMember.objects.bulk_create(
        PanelMember(
            panel=panel,
            user=person,
            role=PanelRole.LIVED_EXPERIENCE if i == 0 else PanelRole.MEMBER,
        )
        for i, person in enumerate(people)
    )
    call = Call.objects.create(
        title=f"Bulk tender {stamp}",
        kind=CallKind.TENDER,
        framework=framework,
        panel=panel,
        members_per_submission=members,
    )
    Call.objects.filter(pk=call.pk).update(state=state)
    call.refresh_from_db()
    scored_count = criteria - 1
    weights = [Decimal(70) // scored_count] * scored_count
    weights[0] += Decimal(70) - sum(weights)
    rows = [
        Criterion(
            call=call,
            kind=CriterionKind.SCORED,
            title=f"Criterion {i + 1}",
            weight=weights[i],
            is_social_value=i == 1,
            sort_order=i,
        )
        for i in range(scored_count)
    ]
    rows.append(
        Criterion(
            call=call,
            kind=CriterionKind.PRICE,
            title="Price",
            weight=Decimal(30),
            sort_order=criteria,
        )
    )
    all_criteria = Criterion.objects.bulk_create(rows)
    scored = [c for c in all_criteria if c.kind == CriterionKind.SCORED]
    organisation = Organisation.objects.create(
        name=f"Bulk bidder {stamp}", legal_form=LegalForm.SOCIAL_ENTERPRISE
    )
    now = timezone.now()
    subs = Submission.objects.bulk_create(
        Submission(
            call=call,
            organisation=organisation,
            reference=f"B{i:05d}",
            title=f"Bid {i}",
            price=Decimal(rng.randrange(80_000, 120_000)),
            submitted_at=now - timedelta(minutes=rng.randrange(10_000)),
        )
        for i in range(submissions)
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(submission=s, member=m, state=AssignmentState.SUBMITTED, submitted_at=now)
        for s in subs
        for m in seats
    )
    Score.objects.bulk_create(
        Score(assignment=a, criterion=c, score=rng.randrange(0, 6), comment="Reasoned")
        for a in assignments
        for c in scored
    )
    moderator = people[0]
    ModeratedScore.objects.bulk_create(
        ModeratedScore(
            submission=s,
            criterion=c,
            score=rng.randrange(0, 6),
            rationale="Agreed",
            moderated_by=moderator,
            moderated_at=now,
        )
        for s in subs
        for c in scored
    )
    return call
