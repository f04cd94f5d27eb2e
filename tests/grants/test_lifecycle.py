"""One application through every state of the happy path and each
alternative, with its audit trail and the e-mails the applicant gets."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django_fsm_log.models import StateLog

from foundation.audit import audit_trail_for
from grants.models import State
from grants.services import applying, assessment, awards
from tests.grants.conftest import draft
from tests.grants.payments import payment_paid

pytestmark = pytest.mark.django_db


def trail(application):
    return [(row.source_state, row.state) for row in audit_trail_for(application)]


class Outbox:
    """The e-mails as sent once each service's transaction commits. The test
    runs inside one transaction, so each step is wrapped to run its
    on-commit callbacks as a real commit would."""

    def __init__(self, capture):
        self.capture = capture

    def step(self):
        return self.capture(execute=True)

    def subjects(self):
        return [message.subject for message in mail.outbox]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return Outbox(django_capture_on_commit_callbacks)


def to_panel(application, officer):
    assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    return assessment.panel_send(application=application, actor=officer)


def approve(application, officer, amount=Decimal("4500")):
    assessment.decisions_record(
        round_=application.round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Strong and local", amount)],
    )
    application.refresh_from_db()
    return application


def test_happy_path_from_draft_to_completed(on_commit, grant_round, organisation, member, officer):
    with on_commit.step():
        application = draft(grant_round, organisation, member)
        application = applying.application_submit(application=application, actor=member)
    assert application.state == State.ELIGIBILITY
    with on_commit.step():
        application = to_panel(application, officer)
    assert application.submission.call == grant_round.call
    assert "A weekly lunch club" in application.submission.content
    with on_commit.step():
        application = approve(application, officer)
    assert application.approved_amount == Decimal("4500")
    start = date.today()
    with on_commit.step():
        award = awards.offer_send(
            application=application,
            actor=officer,
            starts_on=start,
            ends_on=start + timedelta(days=365),
            payments=[(start, Decimal("3000")), (start + timedelta(days=180), Decimal("1500"))],
            return_dates=[start + timedelta(days=180), start + timedelta(days=365)],
        )
    with on_commit.step():
        awards.offer_accept(application=application, actor=member, signed_name="Ali Hassan")
    for payment in award.payments.all():
        payment_paid(payment=payment, actor=officer, paid_on=start, reference=f"BACS-{payment.pk}")
    application.refresh_from_db()
    assert application.state == State.ACTIVE
    for monitoring_return in award.returns.all():
        awards.monitoring_return_submit(
            monitoring_return=monitoring_return,
            actor=member,
            narrative="Lunches every week",
            spend_to_date=Decimal("2000"),
            outcomes="Fewer people alone",
            connections_helped=42,
        )
    application = awards.grant_complete(application=application, actor=officer)

    assert application.state == State.COMPLETED
    assert trail(application) == [
        ("draft", "submitted"),
        ("submitted", "eligibility"),
        ("eligibility", "assessment"),
        ("assessment", "panel"),
        ("panel", "approved"),
        ("approved", "offer"),
        ("offer", "accepted"),
        ("accepted", "active"),
        ("active", "completed"),
    ]
    approval = StateLog.objects.get(transition="approve")
    assert (approval.by, approval.description) == (officer, "Strong and local")
    assert on_commit.subjects() == [
        f"We have your application {application.reference}",
        f"Good news: your application {application.reference} is approved",
        f"Your grant offer for {application.reference} is ready",
        f"Thank you for accepting your grant offer: {application.reference}",
    ]
    assert mail.outbox[0].to == [member.email]


def test_ineligible(on_commit, submitted, officer):
    with on_commit.step():
        assessment.eligibility_decide(
            application=submitted,
            actor=officer,
            eligible=False,
            reason="We fund groups in Canal Side only",
        )
    submitted.refresh_from_db()
    assert submitted.state == State.INELIGIBLE
    assert trail(submitted)[-1] == ("eligibility", "ineligible")
    assert on_commit.subjects()[-1] == f"Your application {submitted.reference} is not eligible"
    assert "Canal Side only" in mail.outbox[-1].body


def test_more_information_then_back_to_assessment(on_commit, submitted, member, officer):
    with on_commit.step():
        assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
        request = assessment.information_request(
            application=submitted, actor=officer, question="Who runs the sessions?"
        )
    submitted.refresh_from_db()
    assert submitted.state == State.MORE_INFO
    assert on_commit.subjects()[-1] == (f"We need a little more information: {submitted.reference}")
    assessment.information_answer(request=request, actor=member, answer="Two trained cooks")
    submitted.refresh_from_db()
    assert submitted.state == State.ASSESSMENT
    assert trail(submitted)[-2:] == [("assessment", "more_info"), ("more_info", "assessment")]
    assert submitted.information_requests.get().answer == "Two trained cooks"


def test_declined(on_commit, submitted, officer):
    to_panel(submitted, officer)
    with on_commit.step():
        assessment.decisions_record(
            round_=submitted.round,
            actor=officer,
            decisions=[assessment.Decision(submitted.pk, "decline", "Others scored higher")],
        )
    submitted.refresh_from_db()
    assert submitted.state == State.DECLINED
    assert on_commit.subjects()[-1] == f"Your application {submitted.reference} was not funded"
    assert "Others scored higher" in mail.outbox[-1].body


def test_waitlisted_then_approved(on_commit, submitted, officer):
    to_panel(submitted, officer)
    with on_commit.step():
        assessment.decisions_record(
            round_=submitted.round,
            actor=officer,
            decisions=[assessment.Decision(submitted.pk, "waitlist", "Money may come free")],
        )
    submitted.refresh_from_db()
    assert submitted.state == State.WAITLISTED
    with on_commit.step():
        approve(submitted, officer)
    assert trail(submitted)[-2:] == [("panel", "waitlisted"), ("waitlisted", "approved")]
    assert on_commit.subjects()[-2:] == [
        f"Your application {submitted.reference} is on the waiting list",
        f"Good news: your application {submitted.reference} is approved",
    ]


def test_offer_declined(on_commit, submitted, member, officer):
    to_panel(submitted, officer)
    approve(submitted, officer)
    start = date.today()
    awards.offer_send(
        application=submitted,
        actor=officer,
        starts_on=start,
        ends_on=start + timedelta(days=90),
        payments=[(start, Decimal("4500"))],
        return_dates=[start + timedelta(days=90)],
    )
    awards.offer_refuse(application=submitted, actor=member, reason="We found other money")
    submitted.refresh_from_db()
    assert submitted.state == State.REFUSED
    assert trail(submitted)[-1] == ("offer", "refused")
    assert StateLog.objects.get(transition="refuse_offer").description == "We found other money"


@pytest.mark.parametrize("stage", ["draft", "eligibility", "assessment", "panel"])
def test_withdrawn_from_any_state_before_a_decision(
    on_commit, grant_round, organisation, member, officer, stage
):
    application = draft(grant_round, organisation, member)
    if stage != "draft":
        application = applying.application_submit(application=application, actor=member)
    if stage in ("assessment", "panel"):
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    if stage == "panel":
        assessment.panel_send(application=application, actor=officer)
    with on_commit.step():
        applying.application_withdraw(application=application, actor=member, reason="Plans changed")
    application.refresh_from_db()
    assert application.state == State.WITHDRAWN
    assert trail(application)[-1] == (stage, "withdrawn")
    assert on_commit.subjects() == [f"Your application {application.reference} is withdrawn"]


def test_plain_text_emails_are_not_html_escaped(on_commit, grant_round, organisation, member):
    with on_commit.step():
        application = draft(grant_round, organisation, member)
        application.project_title = "Tenants' tea & talk"
        application.save()
        applying.application_submit(application=application, actor=member)
    assert "Tenants' tea & talk" in mail.outbox[-1].body
