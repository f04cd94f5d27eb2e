"""Moderation, the price formula and the ranking with its tie-break."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from social_value.models import CallState, Ranking
from social_value.moderation_summary import moderation_summary
from social_value.ranking import display
from social_value.selectors import moderation_sheet, ranking_for
from social_value.services.calls import call_open_scoring
from social_value.services.moderation import (
    call_open_moderation,
    moderation_record,
    ranking_confirm,
)
from social_value.services.panels import assignments_generate, conflict_declare
from social_value.services.scoring import scores_save
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def score_everything(tender, by_member):
    """by_member: {member: (quality score, social value score)}, same for every bid."""
    for submission in tender.submissions:
        for member, (quality, social_value) in by_member.items():
            assignment = submission.assignments.get(member=member)
            conflict_declare(assignment=assignment, user=member.user, conflicted=False)
            scores_save(
                assignment=assignment,
                user=member.user,
                entries={
                    tender.quality.pk: (quality, "reasoned"),
                    tender.social_value.pk: (social_value, "reasoned"),
                },
                submit=True,
            )


@pytest.fixture
def in_moderation(tender):
    call_open_scoring(call=tender.call, actor=tender.officer)
    assignments_generate(call=tender.call, actor=tender.officer)
    score_everything(tender, {tender.chair: (4, 3), tender.member: (2, 3), tender.lived: (4, 4)})
    call_open_moderation(call=tender.call, actor=tender.chair.user)
    tender.call.refresh_from_db()
    return tender


def moderate(tender, submission, quality, social_value, passed=True, actor=None):
    actor = actor or tender.officer
    moderation_record(
        submission=submission,
        criterion=tender.gateway,
        actor=actor,
        passed=passed,
        rationale="Certificate seen",
    )
    moderation_record(
        submission=submission,
        criterion=tender.quality,
        actor=actor,
        score=quality,
        rationale="Agreed after discussion",
    )
    moderation_record(
        submission=submission,
        criterion=tender.social_value,
        actor=actor,
        score=social_value,
        rationale="Agreed after discussion",
    )


def test_moderation_waits_for_every_assignment(tender):
    call_open_scoring(call=tender.call, actor=tender.officer)
    assignments_generate(call=tender.call, actor=tender.officer)
    with pytest.raises(ValidationError, match="9 assignments"):
        call_open_moderation(call=tender.call, actor=tender.officer)


def test_moderated_score_needs_a_rationale(in_moderation):
    submission = in_moderation.submissions[0]
    with pytest.raises(ValidationError) as error:
        moderation_record(
            submission=submission,
            criterion=in_moderation.quality,
            actor=in_moderation.officer,
            score=3,
            rationale="  ",
        )
    assert "rationale" in error.value.message_dict
    assert not submission.moderated_scores.exists()


def test_only_chair_or_officer_moderates(in_moderation):
    with pytest.raises(PermissionDenied):
        moderation_record(
            submission=in_moderation.submissions[0],
            criterion=in_moderation.quality,
            actor=in_moderation.member.user,
            score=3,
            rationale="I liked it",
        )
    record = moderation_record(
        submission=in_moderation.submissions[0],
        criterion=in_moderation.quality,
        actor=in_moderation.chair.user,
        score=3,
        rationale="Chair's summary",
    )
    assert record.moderated_by == in_moderation.chair.user


def test_sheet_shows_spread_and_flags_wide_disagreement(in_moderation):
    row = moderation_sheet(call=in_moderation.call)[0]
    quality_cell = next(c for c in row.cells if c.criterion == in_moderation.quality)
    social_cell = next(c for c in row.cells if c.criterion == in_moderation.social_value)
    assert sorted(quality_cell.values) == [2, 4, 4]
    assert quality_cell.spread == 2 and quality_cell.flagged
    assert social_cell.spread == 1 and not social_cell.flagged
    in_moderation.call.disagreement_threshold = 3
    in_moderation.call.save()
    row = moderation_sheet(call=in_moderation.call)[0]
    assert not next(c for c in row.cells if c.criterion == in_moderation.quality).flagged


def test_summary_names_where_members_are_the_threshold_apart(in_moderation):
    # Quality was scored 2, 4 and 4 (two apart), social value one apart.
    first = in_moderation.submissions[0]
    line = next(
        x for x in moderation_summary(call=in_moderation.call) if x.submission_pk == first.pk
    )
    assert line.disagreements == [in_moderation.quality.title]
    assert line.where == in_moderation.quality.title
    assert line.link == f"?submission={first.pk}#s{first.pk}"
    in_moderation.call.disagreement_threshold = 3
    in_moderation.call.save()
    line = next(
        x for x in moderation_summary(call=in_moderation.call) if x.submission_pk == first.pk
    )
    assert line.disagreements == [] and line.where == "Nowhere"


def test_price_score_is_lowest_compliant_price_over_bid_price(in_moderation):
    for submission in in_moderation.submissions:
        moderate(in_moderation, submission, 4, 4)
    rows = {row.submission_id: row for row in ranking_for(call=in_moderation.call)}
    cheapest, middle, dearest = in_moderation.submissions
    assert display(rows[cheapest.pk].price_score) == Decimal("30.00")
    assert display(rows[middle.pk].price_score) == Decimal("27.00")  # 90k / 100k × 30
    assert display(rows[dearest.pk].price_score) == Decimal("22.50")  # 90k / 120k × 30


def test_an_excluded_bid_does_not_set_the_lowest_price(in_moderation):
    cheapest, middle, dearest = in_moderation.submissions
    moderate(in_moderation, cheapest, 4, 4, passed=False)
    moderate(in_moderation, middle, 4, 4)
    moderate(in_moderation, dearest, 4, 4)
    rows = {row.submission_id: row for row in ranking_for(call=in_moderation.call)}
    assert rows[cheapest.pk].excluded_reasons == ["Failed gateway: Insurance in place"]
    assert rows[cheapest.pk].rank is None
    assert display(rows[middle.pk].price_score) == Decimal("30.00")


def test_weighted_total_and_below_minimum_exclusion(in_moderation):
    in_moderation.quality.min_score = 2
    in_moderation.quality.save()
    cheapest, middle, dearest = in_moderation.submissions
    moderate(in_moderation, cheapest, 1, 5)
    moderate(in_moderation, middle, 5, 5)
    moderate(in_moderation, dearest, 3, 2)
    rows = ranking_for(call=in_moderation.call)
    by_id = {row.submission_id: row for row in rows}
    # 5/5 × 50 + 5/5 × 20 + lowest in contention is now 100k: 30
    assert display(by_id[middle.pk].total) == Decimal("100.00")
    # 3/5 × 50 + 2/5 × 20 + 100k/120k × 30 = 30 + 8 + 25
    assert display(by_id[dearest.pk].total) == Decimal("63.00")
    assert by_id[cheapest.pk].excluded_reasons == [
        "Below the minimum on Method statement: scored 1, minimum 2"
    ]
    assert [row.submission_id for row in rows] == [middle.pk, dearest.pk, cheapest.pk]


def test_ties_go_to_social_value_then_quality_then_earlier(in_moderation):
    a, b, c = in_moderation.submissions
    for submission in (a, b, c):
        submission.price = Decimal(100000)
        submission.save()
    # a and b tie on total 70 + 30; b has more social value.
    moderate(in_moderation, a, 5, 0)  # 50 + 0
    moderate(in_moderation, b, 3, 5)  # 30 + 20
    moderate(in_moderation, c, 3, 5)  # same as b, but submitted later
    a.submitted_at = timezone.now() - timedelta(days=30)
    b.submitted_at = timezone.now() - timedelta(days=20)
    c.submitted_at = timezone.now() - timedelta(days=10)
    for submission in (a, b, c):
        submission.save()
    rows = ranking_for(call=in_moderation.call)
    assert [(row.submission_id, row.rank) for row in rows] == [(b.pk, 1), (c.pk, 2), (a.pk, 3)]


def test_exact_ties_share_a_rank(in_moderation):
    a, b, c = in_moderation.submissions
    when = timezone.now() - timedelta(days=3)
    for submission in (a, b, c):
        submission.price = Decimal(100000)
        submission.submitted_at = when
        submission.save()
        moderate(in_moderation, submission, 4, 4)
    assert [row.rank for row in ranking_for(call=in_moderation.call)] == [1, 1, 1]


def test_latest_moderation_counts_and_history_is_kept(in_moderation):
    submission = in_moderation.submissions[0]
    moderate(in_moderation, submission, 2, 2)
    moderate(in_moderation, submission, 5, 5)
    assert submission.moderated_scores.count() == 6
    row = next(r for r in ranking_for(call=in_moderation.call) if r.submission_id == submission.pk)
    assert display(row.quality) == Decimal("50.00")


def test_confirmed_ranking_records_who_and_when(in_moderation):
    for submission in in_moderation.submissions:
        moderate(in_moderation, submission, 4, 3)
    ranking = ranking_confirm(call=in_moderation.call, actor=in_moderation.officer)
    assert ranking.confirmed_by == in_moderation.officer
    assert ranking.confirmed_at is not None
    assert [row["rank"] for row in ranking.rows] == [1, 2, 3]
    in_moderation.call.refresh_from_db()
    assert in_moderation.call.state == CallState.RANKED


def test_ranking_cannot_be_confirmed_before_moderation_ends(in_moderation):
    moderate(in_moderation, in_moderation.submissions[0], 4, 3)
    with pytest.raises(ValidationError, match="not finished"):
        ranking_confirm(call=in_moderation.call, actor=in_moderation.officer)
    assert not Ranking.objects.exists()


def test_recused_chair_cannot_moderate_that_submission(tender):
    call_open_scoring(call=tender.call, actor=tender.officer)
    assignments_generate(call=tender.call, actor=tender.officer)
    first = tender.submissions[0]
    conflict_declare(
        assignment=first.assignments.get(member=tender.chair),
        user=tender.chair.user,
        conflicted=True,
        nature="Former employer",
    )
    with pytest.raises(PermissionDenied):
        moderation_record(
            submission=first,
            criterion=tender.quality,
            actor=tender.chair.user,
            score=3,
            rationale="x",
        )
    assert UserFactory  # factories stay importable for the module's other tests
