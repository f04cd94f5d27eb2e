"""The whole journey through the pages, as the officer and the applicant
click it, and every officer move refused to an applicant."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from grants.models import MonitoringReturn, Payment, State
from grants.services import applying, assessment, awards
from people import roles
from tests.forms import date_typed
from tests.grants.payments import approved_by_another, payment_paid
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_officer_and_applicant_pages_take_a_grant_from_eligibility_to_active(
    client, submitted, member, officer
):
    client.force_login(officer)
    page = client.get(reverse("application-manage", args=[submitted.pk])).content.decode()
    assert "By the rules this application is <strong>eligible</strong>" in page
    client.post(reverse("application-eligibility", args=[submitted.pk]), {"eligible": "yes"})
    client.post(reverse("application-panel", args=[submitted.pk]))
    decisions_url = reverse("grants-decisions", args=[submitted.round_id])
    assert submitted.reference in client.get(decisions_url).content.decode()
    missing_reason = client.post(
        decisions_url, {f"outcome-{submitted.pk}": "approve", f"amount-{submitted.pk}": "4500"}
    )
    assert missing_reason.status_code == 400
    assert "give the reason for the decision" in missing_reason.content.decode()
    client.post(
        decisions_url,
        {
            f"outcome-{submitted.pk}": "approve",
            f"amount-{submitted.pk}": "4500",
            f"reason-{submitted.pk}": "Clear local need",
        },
    )
    submitted.refresh_from_db()
    assert (submitted.state, submitted.approved_amount) == (State.APPROVED, Decimal("4500"))

    start = date.today()
    client.post(
        reverse("application-offer", args=[submitted.pk]),
        {
            **date_typed("starts_on", f"{start:%d/%m/%Y}"),
            **date_typed("ends_on", f"{start + timedelta(days=365):%d/%m/%Y}"),
            "payments": f"{start:%d/%m/%Y}, 4500",
            "return_dates": f"{start + timedelta(days=180):%d/%m/%Y}",
        },
    )
    submitted.refresh_from_db()
    assert submitted.state == State.OFFER

    client.force_login(member)
    detail = client.get(reverse("application-detail", args=[submitted.pk])).content.decode()
    assert "We are pleased to offer you a grant of <strong>£4,500</strong>" in detail
    client.post(reverse("offer-respond", args=[submitted.pk]), {"action": "accept"})
    submitted.refresh_from_db()
    assert submitted.state == State.OFFER  # a name is needed to accept
    client.post(
        reverse("offer-respond", args=[submitted.pk]),
        {"action": "accept", "signed_name": "Ali Hassan"},
    )
    submitted.refresh_from_db()
    assert submitted.state == State.ACCEPTED

    approved_by_another(submitted)
    client.force_login(UserFactory(roles=[roles.FINANCE_OFFICER]))
    payment = Payment.objects.get()
    client.post(reverse("finance:payment-release", args=[payment.pk]))
    client.post(
        reverse("finance:payment-paid", args=[payment.pk]),
        {**date_typed("paid_on", f"{start:%d/%m/%Y}"), "reference": "BACS 123"},
    )
    submitted.refresh_from_db()
    assert submitted.state == State.ACTIVE

    client.force_login(member)
    monitoring_return = MonitoringReturn.objects.get()
    url = reverse("monitoring-return", args=[monitoring_return.pk])
    empty = client.post(url, {})
    assert empty.status_code == 400
    assert "Tell us what happened." in empty.content.decode()
    client.post(
        url,
        {
            "narrative": "Forty lunches",
            "spend_to_date": "2000",
            "outcomes": "New friendships",
            "connections_helped": "31",
        },
    )
    monitoring_return.refresh_from_db()
    assert monitoring_return.connections_helped == 31

    client.force_login(officer)
    history = client.get(reverse("application-manage", args=[submitted.pk])).content.decode()
    for words in ("Clear local need", "Offer accepted", "First payment BACS 123"):
        assert words in history


OFFICER_MOVES = {
    "eligibility": lambda a, u: assessment.eligibility_decide(
        application=a, actor=u, eligible=True
    ),
    "ask": lambda a, u: assessment.information_request(application=a, actor=u, question="?"),
    "panel": lambda a, u: assessment.panel_send(application=a, actor=u),
    "decide": lambda a, u: assessment.decisions_record(
        round_=a.round, actor=u, decisions=[assessment.Decision(a.pk, "decline", "No")]
    ),
    "offer": lambda a, u: awards.offer_send(
        application=a,
        actor=u,
        starts_on=date.today(),
        ends_on=date.today() + timedelta(days=9),
        payments=[(date.today(), a.approved_amount)],
        return_dates=[date.today()],
    ),
    "complete": lambda a, u: awards.grant_complete(application=a, actor=u),
}


@pytest.mark.parametrize("move", sorted(OFFICER_MOVES))
def test_every_officer_move_is_refused_to_the_applicant(submitted, member, officer, move):
    # Bring the application to the state where the move would be possible.
    if move in ("ask", "panel", "decide", "offer", "complete"):
        assessment.eligibility_decide(application=submitted, actor=officer, eligible=True)
    if move in ("decide", "offer", "complete"):
        assessment.panel_send(application=submitted, actor=officer)
    if move in ("offer", "complete"):
        assessment.decisions_record(
            round_=submitted.round,
            actor=officer,
            decisions=[assessment.Decision(submitted.pk, "approve", "Yes", Decimal("4500"))],
        )
        submitted.refresh_from_db()
    before = submitted.__class__.objects.get(pk=submitted.pk).state
    with pytest.raises(PermissionDenied):
        OFFICER_MOVES[move](submitted, member)
    assert submitted.__class__.objects.get(pk=submitted.pk).state == before


def test_applicant_moves_are_refused_to_outsiders_and_in_the_wrong_state(
    submitted, member, officer
):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        awards.offer_accept(application=submitted, actor=outsider, signed_name="X")
    with pytest.raises(ValidationError, match="no longer open"):
        awards.offer_accept(application=submitted, actor=member, signed_name="Ali Hassan")
    with pytest.raises(ValidationError, match="already been submitted"):
        applying.application_submit(application=submitted, actor=member)
    submitted.refresh_from_db()
    assert submitted.state == State.ELIGIBILITY


def test_promised_social_value_is_saved_valued_and_tracked(
    client, grant_round, organisation, member, officer
):
    from social_value.models import Measure

    measure = Measure.objects.get(outcome__theme__framework=grant_round.call.framework)
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    client.force_login(member)
    response = client.post(
        reverse("application-edit", args=[application.pk]),
        {
            "version": application.version,
            "project_title": "Lunch club",
            "action": "save",
            f"sv-quantity_{measure.code}": "400",
            f"sv-evidence_{measure.code}": "Timesheets",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("application-edit", args=[application.pk])).content.decode()
    assert "worth <strong>£6,000</strong>" in page  # 400 hours × £15
    application.refresh_from_db()
    assert application.promises[measure.code] == {"quantity": "400", "evidence": "Timesheets"}


def test_promises_become_commitments_and_returns_report_delivery(
    grant_round, organisation, member, officer
):
    from social_value.models import Measure
    from social_value.selectors import commitments_delivery
    from tests.grants.conftest import complete_answers

    measure = Measure.objects.get(outcome__theme__framework=grant_round.call.framework)
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    application = applying.application_save(
        application=application,
        actor=member,
        expected_version=application.version,
        changes=applying.DraftChanges(
            "Lunch club",
            Decimal("4500"),
            Decimal("25000"),
            complete_answers(),
            {},
            {measure.code: {"quantity": "400", "evidence": "Sheets"}},
        ),
    )
    application = applying.application_submit(application=application, actor=member)
    assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    application = assessment.panel_send(application=application, actor=officer)
    [commitment] = application.submission.commitments.all()
    assert (commitment.quantity, commitment.value) == (Decimal(400), Decimal("6000.00"))

    assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Good", Decimal("4500"))],
    )
    start = date.today()
    award = awards.offer_send(
        application=application,
        actor=officer,
        starts_on=start,
        ends_on=start + timedelta(days=365),
        payments=[(start, Decimal("4500"))],
        return_dates=[start + timedelta(days=180)],
    )
    awards.offer_accept(application=application, actor=member, signed_name="Ali Hassan")
    payment_paid(payment=award.payments.get(), actor=officer, paid_on=start, reference="BACS 9")
    awards.monitoring_return_submit(
        monitoring_return=award.returns.get(),
        actor=member,
        narrative="Going well",
        spend_to_date=Decimal(2000),
        outcomes="More people out",
        connections_helped=12,
        delivered={commitment.pk: (Decimal(150), "Timesheets attached")},
    )
    [line] = commitments_delivery(submission=application.submission)
    assert (line.delivered, line.shortfall) == (Decimal(150), Decimal(250))
    assert line.commitment.delivery_starts == start


def _at_panel(application, officer):
    assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    return assessment.panel_send(application=application, actor=officer)


def test_refused_decisions_keep_what_was_typed_beside_the_problem(client, submitted, officer):
    _at_panel(submitted, officer)
    client.force_login(officer)
    refused = client.post(
        reverse("grants-decisions", args=[submitted.round_id]),
        {f"outcome-{submitted.pk}": "approve", f"amount-{submitted.pk}": "4321"},
    )
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Nothing was recorded" in page
    # The error summary links to the box that needs the answer, where the message is shown.
    assert f'<a href="#reason-{submitted.pk}">' in page
    assert f'id="reason-{submitted.pk}-error"' in page
    assert '<option value="approve" selected>' in page
    assert 'value="4321"' in page
