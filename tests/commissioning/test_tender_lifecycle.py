"""A tender from options appraisal to contract: three bidders, two lots."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from commissioning.models import BidState, Contract, OutcomeLetter, TenderState
from commissioning.services import evaluation
from commissioning.services.tenders import (
    tender_open_bids,
    tender_publish,
    tenders_close_due,
)
from foundation.audit import audit_trail_for
from people import roles
from reminders.models import Notification
from social_value.models import AssignmentState, CriterionKind
from social_value.services.calls import call_open_scoring
from social_value.services.moderation import call_open_moderation, moderation_record
from social_value.services.panels import assignments_generate, conflict_declare
from social_value.services.scoring import scores_save
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def panel_scores_everything(call):
    scored = list(call.criteria.filter(kind=CriterionKind.SCORED))
    for submission in call.submissions.all():
        for assignment in submission.assignments.select_related("member__user"):
            user = assignment.member.user
            conflict_declare(assignment=assignment, user=user, conflicted=False)
            scores_save(
                assignment=assignment,
                user=user,
                submit=True,
                entries={c.pk: (3, "Reasoned") for c in scored},
            )


def test_tender_from_appraisal_to_contract(
    client, tender, commissioner, django_capture_on_commit_callbacks
):
    lot1, lot2 = tender.lots.all()
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    a, b, c = bidder_make("Alpha CIC"), bidder_make("Beta Co-op"), bidder_make("Gamma Ltd")
    bids = {
        ("a", 1): bid_in(lot1, a, Decimal(400000)),
        ("b", 1): bid_in(lot1, b, Decimal(360000)),
        ("c", 1): bid_in(lot1, c, Decimal(420000)),
        ("a", 2): bid_in(lot2, a, Decimal(300000)),
        ("b", 2): bid_in(lot2, b, Decimal(320000)),
        ("c", 2): bid_in(lot2, c, Decimal(280000)),
    }
    with time_machine.travel(tender.submission_deadline + timedelta(seconds=1)):
        assert tenders_close_due() == [tender.pk]
        assert tenders_close_due() == []  # a repeated run finds nothing to close
    tender.refresh_from_db()
    assert tender.state == TenderState.CLOSED
    with time_machine.travel(tender.submission_deadline + timedelta(hours=2)):
        assert tender_open_bids(tender=tender, actor=commissioner) == 6
        for key, bid in bids.items():
            compliant = key != ("c", 2)
            evaluation.compliance_record(
                bid=bid,
                actor=commissioner,
                compliant=compliant,
                reason="" if compliant else "No CQC registration",
            )
        call_open_scoring(call=tender.call, actor=commissioner)
        assignments_generate(call=tender.call, actor=commissioner)
        panel_scores_everything(tender.call)
        call_open_moderation(call=tender.call, actor=commissioner)
        for submission in tender.call.submissions.all():
            for criterion in tender.call.criteria.exclude(kind=CriterionKind.PRICE):
                moderation_record(
                    submission=submission,
                    criterion=criterion,
                    actor=commissioner,
                    passed=True if criterion.kind == CriterionKind.GATEWAY else None,
                    score=None if criterion.kind == CriterionKind.GATEWAY else 3,
                    rationale="Agreed",
                )
        evaluation.tender_start_moderation(tender=tender, actor=commissioner)
        # Equal quality, so price decides: lowest compliant price wins each lot.
        ranking = [(row.reference, row.rank) for row in evaluation.lot_ranking(lot1)]
        assert ranking[0] == (bids[("b", 1)].reference, 1)
        with django_capture_on_commit_callbacks(execute=True):
            evaluation.intended_award(
                tender=tender,
                actor=commissioner,
                reasons={lot1.pk: "Best value", lot2.pk: "Best value"},
            )
    tender.refresh_from_db()
    assert tender.state == TenderState.STANDSTILL
    lot1.refresh_from_db()
    lot2.refresh_from_db()
    assert lot1.winner == bids[("b", 1)]
    assert lot2.winner == bids[("a", 2)]  # Gamma was cheaper but not compliant
    # A standstill letter for every bid, to its organisation's members.
    assert {m.subject for m in mail.outbox} == {f"Intended award: {tender.title}"}
    assert len(mail.outbox) == 6
    alpha_lot1 = OutcomeLetter.objects.get(bid=bids[("a", 1)], kind="standstill")
    assert "your bid" in alpha_lot1.body and "was not successful" in alpha_lot1.body
    assert "The intended winner is Beta Co-op." in alpha_lot1.body
    assert "Your scores:\n- Method: 3 (Agreed)" in alpha_lot1.body
    assert "The winning bid's scores:\n- Method: 3 (Agreed)" in alpha_lot1.body
    assert any(alpha_lot1.body in m.body for m in mail.outbox if a.email in m.to)
    # And on the dashboard of Alpha's member, one for each of its two bids.
    assert (
        Notification.objects.filter(
            user=a, text__startswith=f"Intended award: {tender.title}"
        ).count()
        == 2
    )
    for key, bid in bids.items():
        bid.refresh_from_db()
        expected = (
            BidState.SUCCESSFUL if bid in (lot1.winner, lot2.winner) else (BidState.UNSUCCESSFUL)
        )
        assert bid.state == expected, key

    # The unsuccessful bidder sees its own scores, the winner's and the reasons.
    client.force_login(a)
    loser_page = client.get(reverse("bid-detail", args=[bids[("a", 1)].pk])).content.decode()
    assert "Outcome: Unsuccessful" in loser_page
    assert "The winning bid's scores" in loser_page and "Best value" in loser_page
    assert f"Intended award: {tender.title} (PDF)" in loser_page
    pdf = client.get(reverse("outcome-letter", args=[alpha_lot1.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.force_login(b)
    assert client.get(reverse("outcome-letter", args=[alpha_lot1.pk])).status_code == 403
    client.force_login(commissioner)
    letters = client.get(reverse("award-letters", args=[tender.pk])).content.decode()
    assert letters.count("We are sorry: your bid") == 4  # two losers a lot
    assert letters.count("We intend to award") == 2
    # Award waits for the standstill to end.
    with pytest.raises(ValidationError, match="standstill period has ended"):
        evaluation.tender_award(tender=tender, actor=commissioner)

    # Whoever made the intended award does not confirm it.
    # The day after the standstill's last day: the intended award was made
    # at the (moved) close, so a fixed number of days from today could still
    # fall inside the standstill.
    after = datetime.combine(tender.standstill_ends_on + timedelta(days=1), time(12))
    with time_machine.travel(timezone.make_aware(after)):
        with pytest.raises(ValidationError, match="you cannot confirm it"):
            evaluation.tender_award(tender=tender, actor=commissioner)
        contracts = evaluation.tender_award(
            tender=tender, actor=UserFactory(roles=[roles.COMMISSIONER])
        )
    tender.refresh_from_db()
    assert tender.state == TenderState.CONTRACTED
    assert {c.supplier.name for c in contracts} == {"Beta Co-op", "Alpha CIC"}
    assert Contract.objects.get(lot=lot1).value == Decimal(360000)
    award_letter = OutcomeLetter.objects.get(bid=bids[("b", 1)], kind="award")
    assert "the award of Lot 1: Area 1" in award_letter.body
    assert "to you is confirmed" in award_letter.body
    assert OutcomeLetter.objects.filter(kind="award").count() == 6
    assert [row.state for row in audit_trail_for(tender)] == [
        "awaiting_approval",
        "approved",
        "published",
        "closed",
        "evaluation",
        "moderation",
        "intended_award",
        "standstill",
        "awarded",
        "contracted",
    ]
    assert [row.state for row in audit_trail_for(bids[("c", 2)])] == [
        "submitted",
        "opened",
        "non_compliant",
        "unsuccessful",
    ]
    assert not tender.call.submissions.filter(
        assignments__state=AssignmentState.AWAITING_DECLARATION
    ).exists()
