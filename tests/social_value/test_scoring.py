"""Conflicts, independent scoring, hidden and locked scores."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from social_value.models import AssignmentState, Score
from social_value.selectors import scores_visible_to
from social_value.services.panels import conflict_declare
from social_value.services.scoring import scores_save

pytestmark = pytest.mark.django_db


def assignment_of(member, submission):
    return submission.assignments.get(member=member)


def full_marks(tender, score=4, note="Clear plan with named staff"):
    return {
        tender.quality.pk: (score, note),
        tender.social_value.pk: (score, f"{note}; local jobs"),
    }


def test_conflicted_member_cannot_open_nor_score_the_submission(client, scoring):
    submission = scoring.submissions[0]
    assignment = assignment_of(scoring.member, submission)
    conflict_declare(
        assignment=assignment,
        user=scoring.member.user,
        conflicted=True,
        nature="I am a trustee of the bidder",
    )
    client.force_login(scoring.member.user)
    response = client.get(reverse("panel-submission", args=[assignment.pk]))
    assert response.status_code == 403
    assert submission.content not in response.content.decode()
    response = client.post(reverse("panel-score", args=[assignment.pk]), {"action": "save"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        scores_save(assignment=assignment, user=scoring.member.user, entries=full_marks(scoring))
    assert not Score.objects.filter(assignment=assignment).exists()


def test_content_is_withheld_until_no_conflict_is_declared(client, scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    client.force_login(scoring.member.user)
    url = reverse("panel-submission", args=[assignment.pk])
    first = client.get(url)
    assert first.status_code == 200
    assert scoring.submissions[0].content not in first.content.decode()
    conflict_declare(assignment=assignment, user=scoring.member.user, conflicted=False)
    assert scoring.submissions[0].content in client.get(url).content.decode()


def test_a_conflict_needs_its_nature(scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    with pytest.raises(ValidationError):
        conflict_declare(assignment=assignment, user=scoring.member.user, conflicted=True)
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.AWAITING_DECLARATION


def test_nobody_declares_for_someone_else(scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    with pytest.raises(PermissionDenied):
        conflict_declare(assignment=assignment, user=scoring.chair.user, conflicted=False)


def test_scores_are_hidden_until_your_own_are_submitted(client, scoring):
    submission = scoring.submissions[0]
    mine = assignment_of(scoring.member, submission)
    theirs = assignment_of(scoring.chair, submission)
    for assignment, member in ((mine, scoring.member), (theirs, scoring.chair)):
        conflict_declare(assignment=assignment, user=member.user, conflicted=False)
    scores_save(
        assignment=theirs,
        user=scoring.chair.user,
        entries=full_marks(scoring, 5, "The chair thought it outstanding"),
        submit=True,
    )
    scores_save(assignment=mine, user=scoring.member.user, entries=full_marks(scoring, 2))

    client.force_login(scoring.member.user)
    page = client.get(reverse("panel-submission", args=[mine.pk])).content.decode()
    assert "The chair thought it outstanding" not in page
    assert not scores_visible_to(submission=submission, user=scoring.member.user)
    # The chair and officers see counts, not scores, while scoring runs.
    assert not scores_visible_to(submission=submission, user=scoring.officer)

    scores_save(
        assignment=mine, user=scoring.member.user, entries=full_marks(scoring, 2), submit=True
    )
    assert scores_visible_to(submission=submission, user=scoring.member.user)
    page = client.get(reverse("panel-submission", args=[mine.pk])).content.decode()
    assert "Scores from the panel" in page
    assert "The chair thought it outstanding" in page


def test_submitted_scores_are_locked(scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    conflict_declare(assignment=assignment, user=scoring.member.user, conflicted=False)
    scores_save(
        assignment=assignment, user=scoring.member.user, entries=full_marks(scoring, 3), submit=True
    )
    with pytest.raises(ValidationError, match="locked"):
        scores_save(assignment=assignment, user=scoring.member.user, entries=full_marks(scoring, 5))
    assert set(assignment.scores.values_list("score", flat=True)) == {3}


def test_draft_keeps_partial_scores_submit_needs_all_with_comments(scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    conflict_declare(assignment=assignment, user=scoring.member.user, conflicted=False)
    partial = {scoring.quality.pk: (4, "")}
    scores_save(assignment=assignment, user=scoring.member.user, entries=partial)
    assert assignment.scores.get(criterion=scoring.quality).score == 4
    with pytest.raises(ValidationError) as error:
        scores_save(assignment=assignment, user=scoring.member.user, entries=partial, submit=True)
    problems = error.value.message_dict
    assert set(problems) == {scoring.quality.pk, scoring.social_value.pk}
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.SCORING


def test_a_score_off_the_scale_is_refused(scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    conflict_declare(assignment=assignment, user=scoring.member.user, conflicted=False)
    with pytest.raises(ValidationError, match="from 0 to 5"):
        scores_save(
            assignment=assignment,
            user=scoring.member.user,
            entries={scoring.quality.pk: (6, "Too good")},
        )
    assert not assignment.scores.exists()


def test_someone_not_assigned_cannot_see_the_submission(client, scoring):
    assignment = assignment_of(scoring.member, scoring.submissions[0])
    client.force_login(scoring.chair.user)
    other = assignment_of(scoring.chair, scoring.submissions[0])
    assert other.pk != assignment.pk
    response = client.get(reverse("panel-submission", args=[assignment.pk]))
    assert response.status_code == 403
