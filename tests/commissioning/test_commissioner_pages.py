"""The commissioner's forms: a problem is shown in a GOV.UK error summary
linking to the field, with the field's own message, and nothing typed is
lost; a good answer is saved."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from commissioning.models import (
    BidState,
    Clarification,
    Commission,
    Option,
    OptionsAppraisal,
    Tender,
    TenderState,
)
from commissioning.services.tenders import (
    clarification_ask,
    tender_open_bids,
    tender_publish,
    tenders_close_due,
)
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make

pytestmark = pytest.mark.django_db

SUMMARY = "There is a problem"


def live(tender, commissioner):
    tender_approved(tender, commissioner)
    return tender_publish(tender=tender, actor=commissioner)


def in_state(tender, state) -> Tender:
    """Skip to a stage; the lifecycle test walks every step for real."""
    Tender.objects.filter(pk=tender.pk).update(state=state)
    tender.refresh_from_db()
    return tender


@pytest.fixture
def staff(client, commissioner):
    client.force_login(commissioner)
    return client


def test_a_commission_without_an_appraisal_shows_an_empty_form(staff, commissioner):
    commission = tender_make(commissioner, appraisal=False).commission
    page = staff.get(reverse("commission-detail", args=[commission.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Not recorded yet" in html and "Record the options appraisal" in html
    html = staff.get(reverse("set-up-appraisal", args=[commission.pk])).content.decode()
    assert "Record the appraisal" in html
    assert SUMMARY not in html


def test_the_options_considered_are_checkboxes(staff, commissioner):
    commission = tender_make(commissioner, appraisal=False).commission
    html = staff.get(reverse("set-up-appraisal", args=[commission.pk])).content.decode()
    assert 'name="options_considered" type="checkbox" value="grant">' in html


def test_a_bad_appraisal_shows_each_problem_and_keeps_what_was_typed(staff, commissioner):
    commission = tender_make(commissioner, appraisal=False).commission
    response = staff.post(
        reverse("set-up-appraisal", args=[commission.pk]),
        {
            "assets_considered": "A lunch club and the Millfield Centre",
            "community_answer": "",
            "options_considered": [Option.GRANT],
            "chosen": Option.GRANT,
            "reason": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error:" in html and SUMMARY in html
    assert '<a href="#id_community_answer">Answer the question: could a community' in html
    assert '<a href="#id_reason">Give the reason for the choice.</a>' in html
    assert 'id="id_reason-error"' in html
    assert "A lunch club and the Millfield Centre</textarea>" in html
    assert 'value="grant" checked' in html
    assert '<option value="grant" selected>' in html
    assert not OptionsAppraisal.objects.exists()

    # The business rules are the service's; its messages land on the fields.
    response = staff.post(
        reverse("set-up-appraisal", args=[commission.pk]),
        {
            "assets_considered": "A lunch club",
            "community_answer": "Yes, with us",
            "options_considered": [Option.GRANT],
            "chosen": Option.TENDER,
            "reason": "Because",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#id_options_considered_0">Consider at least two of the options.</a>' in html
    assert '<a href="#id_chosen">Choose one of the options you considered.</a>' in html
    assert not OptionsAppraisal.objects.exists()


def test_a_good_appraisal_is_recorded_and_offered_for_update(staff, commissioner):
    commission = tender_make(commissioner, appraisal=False).commission
    url = reverse("set-up-appraisal", args=[commission.pk])
    response = staff.post(
        url,
        {
            "assets_considered": "A lunch club",
            "community_answer": "Partly",
            "options_considered": [Option.GRANT, Option.TENDER],
            "chosen": Option.TENDER,
            "reason": "Regulated care",
        },
    )
    assert response.status_code == 302
    appraisal = OptionsAppraisal.objects.get(commission=commission)
    assert (appraisal.chosen, appraisal.options_considered) == ("tender", ["grant", "tender"])
    html = staff.get(url).content.decode()
    assert "Update the appraisal" in html and "Regulated care</textarea>" in html
    assert 'value="tender" checked' in html and 'value="partnership">' in html


def test_an_expression_of_interest_needs_a_summary_and_keeps_the_organisation(staff, commissioner):
    commission = Commission.objects.create(title="Lunch clubs", need="x", created_by=commissioner)
    organisation = bidder_make("Right to Challenge Group").memberships.get().organisation
    url = reverse("commission-interest", args=[commission.pk])
    response = staff.post(url, {"organisation": organisation.pk, "summary": " "})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#eoi-summary">Summarise what the organisation proposes.</a>' in html
    assert f'<option value="{organisation.pk}" selected>' in html
    assert not commission.expressions_of_interest.exists()

    response = staff.post(url, {"organisation": "999999", "summary": "We could run it"})
    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#eoi-organisation">Select an organisation from the list.</a>' in html
    assert "We could run it</textarea>" in html

    response = staff.post(url, {"organisation": organisation.pk, "summary": "We could run it"})
    assert response.status_code == 302
    assert commission.expressions_of_interest.get().summary == "We could run it"


def test_the_pipeline_filter_refuses_an_unknown_stage_and_filters_by_a_known_one(
    staff, commissioner
):
    tender = tender_make(commissioner)
    url = reverse("commissioning-pipeline")
    odd = staff.get(url, {"state": "nonsense"}).content.decode()
    assert '<a href="#id_state">Select a stage from the list.</a>' in odd
    assert tender.title in odd  # not filtered
    assert tender.title in staff.get(url, {"state": "draft"}).content.decode()
    published = staff.get(url, {"state": "published"}).content.decode()
    assert tender.title not in published and '<option value="published" selected>' in published


def test_cancelling_without_a_reason_is_refused_on_the_page(staff, tender, commissioner):
    live(tender, commissioner)
    url = reverse("tender-action", args=[tender.pk, "cancel"])
    response = staff.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert '<a href="#cancel-reason">Give the reason: it is published.</a>' in (
        response.content.decode()
    )
    tender.refresh_from_db()
    assert tender.state == TenderState.PUBLISHED

    assert staff.post(url, {"reason": "Brought in-house"}).status_code == 302
    tender.refresh_from_db()
    assert (tender.state, tender.cancel_reason) == (TenderState.CANCELLED, "Brought in-house")


def test_pausing_the_standstill_needs_a_reason(staff, tender):
    in_state(tender, TenderState.STANDSTILL)
    url = reverse("tender-action", args=[tender.pk, "pause"])
    response = staff.post(url, {"reason": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#pause-reason">Give the reason for pausing the standstill.</a>' in html
    assert 'id="cancel-reason"' in html  # the other reason box keeps its own id

    assert staff.post(url, {"reason": "A challenge from Beta"}).status_code == 302
    tender.refresh_from_db()
    assert tender.standstill_paused_reason == "A challenge from Beta"


def test_the_intended_award_keeps_each_reason_and_shows_each_lots_problem(staff, tender):
    in_state(tender, TenderState.MODERATION)
    lot1, lot2 = tender.lots.all()
    url = reverse("tender-action", args=[tender.pk, "intended_award"])
    response = staff.post(url, {f"reason-{lot1.pk}": "Best value", f"reason-{lot2.pk}": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<a href="#id_reason-{lot2.pk}">Give the reason for the award of {lot2}.</a>' in html
    assert "Best value</textarea>" in html

    # No bid ranked first in either lot: the service says so beside each lot.
    response = staff.post(url, {f"reason-{lot1.pk}": "Best", f"reason-{lot2.pk}": "Cheapest"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<a href="#id_reason-{lot1.pk}">{lot1}: no single top-ranked bid' in html
    assert "Cheapest</textarea>" in html
    tender.refresh_from_db()
    assert tender.state == TenderState.MODERATION


def test_a_bid_is_not_compliant_only_with_a_reason(staff, tender, commissioner):
    live(tender, commissioner)
    bid = bid_in(tender.lots.first(), bidder_make("Gamma Ltd"))
    with time_machine.travel(tender.submission_deadline + timedelta(hours=1)):
        tenders_close_due()
        tender_open_bids(tender=tender, actor=commissioner)
        staff.force_login(commissioner)  # the earlier session has expired by now
        url = reverse("bid-compliance", args=[bid.pk])
        response = staff.post(url, {"reason": "", "compliant": "no"})
        assert response.status_code == 400
        html = response.content.decode()
        assert f'<a href="#why-{bid.pk}-reason">Say why the bid is not compliant.</a>' in html
        assert f'id="why-{bid.pk}-reason-error"' in html
        bid.refresh_from_db()
        assert bid.state == BidState.OPENED

        response = staff.post(url, {"reason": "No CQC registration", "compliant": "no"})
        assert response.status_code == 302
    bid.refresh_from_db()
    assert (bid.state, bid.compliance_reason) == (BidState.NON_COMPLIANT, "No CQC registration")


def test_a_clarification_is_published_only_with_an_answer(staff, tender, commissioner):
    live(tender, commissioner)
    asker = bidder_make("Asker CIC")
    question = clarification_ask(
        tender=tender,
        organisation=asker.memberships.get().organisation,
        actor=asker,
        question="Asker CIC asks: is TUPE in scope?",
    )
    url = reverse("clarification-publish", args=[question.pk])
    response = staff.post(url, {"published_question": "Is TUPE in scope?", "answer": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<a href="#clarification-{question.pk}-answer">Write the answer.</a>' in html
    assert "Is TUPE in scope?</textarea>" in html
    assert Clarification.objects.get().published_at is None

    response = staff.post(url, {"published_question": "Is TUPE in scope?", "answer": "Yes"})
    assert response.status_code == 302
    published = Clarification.objects.get()
    assert (published.published_question, published.answer) == ("Is TUPE in scope?", "Yes")
