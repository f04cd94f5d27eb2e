"""Every reminder kind, with frozen time: sent at the right moment, not
before, not after the deadline, to the right people only, and once."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from grants.services import assessment, awards
from reminders.models import Notification, Reminder, ReminderSettings
from reminders.services.sweep import reminders_sweep
from social_value.services.calls import call_open_scoring
from social_value.services.panels import assignments_generate
from tests.grants.conftest import draft
from tests.grants.payments import payment_paid
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def sweep_at(moment):
    with time_machine.travel(moment, tick=False):
        return reminders_sweep()


def test_grant_draft_reminders_at_7_days_2_days_and_24_hours(grant_round, organisation, member):
    colleague = MembershipFactory(organisation=organisation).user
    outsider = UserFactory()
    draft(grant_round, organisation, member)
    closes = grant_round.closes_at
    assert sweep_at(closes - timedelta(days=7, seconds=1)) == 0
    assert sweep_at(closes - timedelta(days=7)) == 2
    assert sweep_at(closes - timedelta(days=6)) == 0  # once per window
    assert sweep_at(closes - timedelta(days=2)) == 2
    assert sweep_at(closes - timedelta(hours=23)) == 2
    assert sweep_at(closes) == 0  # the deadline has passed
    assert sorted({m.to[0] for m in mail.outbox}) == sorted([member.email, colleague.email])
    assert outsider.email not in {m.to[0] for m in mail.outbox}
    assert "(UK time)" in mail.outbox[0].body and "/grants/applications/" in mail.outbox[0].body
    assert Notification.objects.filter(user=member).count() == 3


def test_a_reminder_missed_while_workers_were_down_is_sent_on_return(
    grant_round, organisation, member
):
    draft(grant_round, organisation, member)
    closes = grant_round.closes_at
    # Nothing ran at 7 days; at 5 days the sweep still sends the 7-day reminder.
    assert sweep_at(closes - timedelta(days=5)) == 1
    assert Reminder.objects.get().kind == "grant_draft_7d"


def test_a_submitted_application_gets_no_draft_reminder(submitted):
    assert sweep_at(submitted.round.closes_at - timedelta(hours=2)) == 0


def _active_grant(submitted, member, officer, return_due):
    assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
    assessment.panel_send(application=submitted, actor=officer)
    assessment.decisions_record(
        round_=submitted.round,
        actor=officer,
        decisions=[assessment.Decision(submitted.pk, "approve", "Yes", Decimal("4500"))],
    )
    award = awards.offer_send(
        application=submitted,
        actor=officer,
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=365),
        payments=[(date.today(), Decimal("4500"))],
        return_dates=[return_due],
    )
    awards.offer_accept(application=submitted, actor=member, signed_name="A Person")
    payment_paid(payment=award.payments.get(), actor=officer, paid_on=date.today(), reference="P1")
    return award.returns.get()


def test_monitoring_return_due_in_14_days_and_once_overdue(submitted, member, officer):
    due = date.today() + timedelta(days=30)
    monitoring_return = _active_grant(submitted, member, officer, due)
    noon = timezone.make_aware(timezone.datetime(due.year, due.month, due.day, 12))
    assert sweep_at(noon - timedelta(days=15)) == 0
    assert sweep_at(noon - timedelta(days=14)) == 1
    assert sweep_at(noon - timedelta(days=3)) == 0
    assert sweep_at(noon + timedelta(days=1)) == 1
    assert sweep_at(noon + timedelta(days=5)) == 0
    assert [r.kind for r in Reminder.objects.order_by("pk")] == [
        "monitoring_due",
        "monitoring_overdue",
    ]
    awards.monitoring_return_submit(
        monitoring_return=monitoring_return,
        actor=member,
        narrative="x",
        spend_to_date=Decimal(1),
        outcomes="",
        connections_helped=0,
    )
    assert sweep_at(noon + timedelta(days=6)) == 0


def test_officer_told_when_a_question_goes_unanswered_for_ten_days(submitted, officer):
    assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
    request = assessment.information_request(application=submitted, actor=officer, question="Who?")
    assert sweep_at(request.requested_at + timedelta(days=9)) == 0
    assert sweep_at(request.requested_at + timedelta(days=10)) == 1
    assert mail.outbox[-1].to == [officer.email]


def test_panel_members_reminded_3_days_before_then_daily_when_overdue(tender):
    call = tender.call
    # Midday, so an hour or two past it is still the same day: the overdue
    # reminder goes once a day.
    call.scoring_deadline = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=10), time(12))
    )
    call.save()
    call_open_scoring(call=call, actor=tender.officer)
    assignments_generate(call=call, actor=tender.officer)
    deadline = call.scoring_deadline
    assert sweep_at(deadline - timedelta(days=3, seconds=1)) == 0
    assert sweep_at(deadline - timedelta(days=3)) == 9  # 3 submissions × 3 members
    assert sweep_at(deadline - timedelta(days=1)) == 0
    assert sweep_at(deadline + timedelta(hours=1)) == 9
    assert sweep_at(deadline + timedelta(hours=2)) == 0
    assert sweep_at(deadline + timedelta(days=1)) == 9  # daily while overdue


def test_optional_reminders_can_be_switched_off_deadline_ones_cannot(
    submitted, officer, grant_round, organisation, member
):
    ReminderSettings.objects.create(user=officer, optional_reminders=False)
    ReminderSettings.objects.create(user=member, optional_reminders=False)
    assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
    request = assessment.information_request(application=submitted, actor=officer, question="Who?")
    assert sweep_at(request.requested_at + timedelta(days=11)) == 0  # optional: off
    other = MembershipFactory().user
    ReminderSettings.objects.create(user=other, optional_reminders=False)
    draft(grant_round, other.memberships.get().organisation, other)
    assert sweep_at(grant_round.closes_at - timedelta(hours=3)) == 1  # essential: still sent


def test_reminders_show_on_the_dashboard_and_can_be_switched_off(
    client, grant_round, organisation, member
):
    draft(grant_round, organisation, member)
    sweep_at(grant_round.closes_at - timedelta(days=1))
    client.force_login(member)
    page = client.get("/portal/").content.decode()
    assert f"{grant_round.title} closes soon: finish your application" in page
    client.post("/portal/reminders/", {})
    assert ReminderSettings.objects.get(user=member).optional_reminders is False


def test_tender_reminders_bids_clarifications_standstill_contracts(commissioner):
    from commissioning.models import Contract
    from commissioning.services.bids import bid_start
    from commissioning.services.tenders import tender_publish
    from tests.commissioning.conftest import bidder_make, tender_approved, tender_make

    tender = tender_make(commissioner)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    bidder = bidder_make()
    bid = bid_start(
        lot=tender.lots.first(), organisation=bidder.memberships.get().organisation, actor=bidder
    )
    assert sweep_at(tender.clarification_deadline - timedelta(days=2)) == 1
    assert Reminder.objects.get().kind == "clarification_deadline"
    assert sweep_at(tender.submission_deadline - timedelta(days=2)) == 1
    assert Reminder.objects.latest("pk").kind == "bid_draft_2d"
    assert sweep_at(tender.submission_deadline + timedelta(minutes=1)) == 0
    type(tender).objects.filter(pk=tender.pk).update(
        state="standstill", standstill_ends_on=date(2027, 1, 8)
    )
    assert sweep_at(timezone.make_aware(timezone.datetime(2027, 1, 8, 12))) == 0
    assert sweep_at(timezone.make_aware(timezone.datetime(2027, 1, 9, 9))) == 1
    assert mail.outbox[-1].to == [commissioner.email]
    Contract.objects.create(
        lot=tender.lots.first(),
        bid=bid,
        supplier=bid.organisation,
        value=1,
        starts_on=date(2027, 4, 1),
        ends_on=date(2030, 3, 31),
        recorded_by=commissioner,
    )
    assert sweep_at(timezone.make_aware(timezone.datetime(2029, 9, 1, 9))) == 0
    assert sweep_at(timezone.make_aware(timezone.datetime(2029, 10, 1, 9))) == 1
    assert Reminder.objects.latest("pk").kind == "contract_ending"


def test_reminder_emails_are_friendly_and_say_how_to_opt_out(submitted, officer):
    assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
    request = assessment.information_request(application=submitted, actor=officer, question="Who?")
    sweep_at(request.requested_at + timedelta(days=10))
    body = mail.outbox[-1].body
    assert body.startswith("Hello,")
    assert "switch off optional reminders" in body and "/portal/" in body
