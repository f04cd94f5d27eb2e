"""The officer's and applicant's forms that were once typed by hand: each
refusal keeps what was chosen and typed, says what to fix and records
nothing; a good submission saves."""

from decimal import Decimal

import pytest
from django.urls import reverse

from grants.models import Application, State
from grants.services import applying, assessment
from tests.grants.conftest import draft
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_panel(grant_round, officer):
    """Two applications from two groups, both at the panel."""
    applications = []
    for _ in range(2):
        person = MembershipFactory().user
        application = applying.application_submit(
            application=draft(grant_round, person.memberships.get().organisation, person),
            actor=person,
        )
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
        applications.append(assessment.panel_send(application=application, actor=officer))
    return applications


def decide(client, round_, rows: dict):
    """rows: {application: (outcome, amount, reason)}, posted as the page names them."""
    data = {}
    for application, (outcome, amount, reason) in rows.items():
        data |= {
            f"outcome-{application.pk}": outcome,
            f"amount-{application.pk}": amount,
            f"reason-{application.pk}": reason,
        }
    return client.post(reverse("grants-decisions", args=[round_.pk]), data)


def states(applications):
    return [Application.objects.get(pk=a.pk).state for a in applications]


def test_the_decisions_page_renders_a_row_of_fields_per_application(client, officer, at_panel):
    client.force_login(officer)
    first, _second = at_panel
    page = client.get(reverse("grants-decisions", args=[first.round_id])).content.decode()
    assert f'<select name="outcome-{first.pk}"' in page
    assert f'<label class="govuk-label govuk-label--s" for="outcome-{first.pk}">Decision' in page
    assert f" for {first.reference}</span>" in page
    assert f'name="amount-{first.pk}" value="4500.00"' in page  # the amount asked for
    assert f'id="reason-{first.pk}-hint"' in page
    assert '<option value="waitlist">Waiting list</option>' in page


def test_one_bad_row_records_nothing_and_keeps_every_row(client, officer, at_panel):
    client.force_login(officer)
    good, bad = at_panel
    response = decide(
        client,
        good.round,
        {
            good: ("approve", "4000", "Clear local need"),
            bad: ("decline", "4500", ""),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    assert "Nothing was recorded" in page
    # The summary links to the bad row's reason box, where the message is shown.
    assert f'<a href="#reason-{bad.pk}">{bad.reference}: give the reason for the decision.</a>' in (
        page
    )
    assert f'id="reason-{bad.pk}-error"' in page
    # Every row keeps what was chosen and typed.
    assert '<option value="approve" selected>Approve</option>' in page
    assert '<option value="decline" selected>Decline</option>' in page
    assert f'name="amount-{good.pk}" value="4000"' in page
    assert "Clear local need</textarea>" in page
    assert states(at_panel) == [State.PANEL, State.PANEL]


@pytest.mark.parametrize("typed", ["NaN", "six thousand", "-50", "4500.123", "Infinity"])
def test_an_amount_that_is_not_money_is_explained_not_a_crash(client, officer, at_panel, typed):
    client.force_login(officer)
    first, _second = at_panel
    response = decide(client, first.round, {first: ("approve", typed, "Clear local need")})
    page = response.content.decode()
    assert response.status_code == 400
    message = f"{first.reference}: enter the amount in pounds, like 4500 or 4,500.00."
    assert f'<a href="#amount-{first.pk}">{message}</a>' in page
    assert f'name="amount-{first.pk}" value="{typed}"' in page
    assert "Clear local need</textarea>" in page
    assert states(at_panel) == [State.PANEL, State.PANEL]


def test_approving_needs_an_amount(client, officer, at_panel):
    client.force_login(officer)
    first, _second = at_panel
    response = decide(client, first.round, {first: ("approve", "", "Clear local need")})
    assert response.status_code == 400
    assert f'<a href="#amount-{first.pk}">{first.reference}: enter the amount to award.</a>' in (
        response.content.decode()
    )


def test_a_reason_without_a_decision_is_not_dropped(client, officer, at_panel):
    client.force_login(officer)
    first, second = at_panel
    response = decide(
        client,
        first.round,
        {first: ("approve", "4000", "Clear local need"), second: ("", "4500", "Not sure yet")},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert f'<a href="#outcome-{second.pk}">' in page
    assert "Not sure yet</textarea>" in page
    assert states(at_panel) == [State.PANEL, State.PANEL]


def test_an_amount_above_the_largest_grant_is_shown_on_the_amount(client, officer, at_panel):
    client.force_login(officer)
    first, _second = at_panel
    response = decide(client, first.round, {first: ("approve", "10,001", "Clear local need")})
    page = response.content.decode()
    assert response.status_code == 400
    assert f'<a href="#amount-{first.pk}">{first.reference}: above the round' in page
    assert f'id="amount-{first.pk}-error"' in page
    assert f'name="amount-{first.pk}" value="10,001"' in page


def test_the_budget_refusal_is_summarised_for_the_whole_batch(client, officer, at_panel):
    client.force_login(officer)
    first, second = at_panel
    first.round.budget = Decimal("15000")
    first.round.save()
    response = decide(
        client,
        first.round,
        {first: ("approve", "9000", "Good"), second: ("approve", "9,000.00", "Good too")},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#decisions-table">These approvals total £18,000' in page
    assert 'value="9,000.00"' in page
    assert states(at_panel) == [State.PANEL, State.PANEL]


def test_good_decisions_are_all_recorded(client, officer, at_panel):
    client.force_login(officer)
    first, second = at_panel
    response = decide(
        client,
        first.round,
        {first: ("approve", "£4,000", "Clear local need"), second: ("waitlist", "", "If money")},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.state, first.approved_amount) == (State.APPROVED, Decimal("4000"))
    assert states([second]) == [State.WAITLISTED]
    page = client.get(response.url).content.decode()
    assert "2 decisions recorded." in page
    # Waitlisted, it can be approved or declined, not waitlisted again.
    assert f'<select name="outcome-{second.pk}"' in page
    assert '<option value="waitlist">' not in page


def test_rows_left_at_not_yet_are_not_decided(client, officer, at_panel):
    client.force_login(officer)
    first, second = at_panel
    response = decide(
        client, first.round, {first: ("decline", "", "Out of area"), second: ("", "4500", "")}
    )
    assert response.status_code == 302
    assert states(at_panel) == [State.DECLINED, State.PANEL]


# --- the application list's filters -------------------------------------------------


def test_filters_are_shown_with_what_was_chosen(client, officer, submitted):
    place = NeighbourhoodFactory(name="Canal Side")
    submitted.organisation.neighbourhoods.add(place)
    client.force_login(officer)
    url = reverse("grants-application-list", args=[submitted.round_id])
    response = client.get(url, {"q": "Lunch", "state": "eligibility", "neighbourhood": place.slug})
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 application." in page
    assert 'type="search" name="q" value="Lunch"' in page
    assert '<option value="eligibility" selected>' in page
    assert f'<option value="{place.slug}" selected>Canal Side</option>' in page
    assert "1 application." not in client.get(url, {"state": "panel"}).content.decode()


def test_a_filter_not_in_the_list_is_explained_and_the_rest_still_apply(client, officer, submitted):
    client.force_login(officer)
    response = client.get(
        reverse("grants-application-list", args=[submitted.round_id]),
        {"q": "Lunch", "state": "lost", "neighbourhood": "nowhere"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    assert '<a href="#id_state">Select a stage from the list</a>' in page
    assert '<a href="#id_neighbourhood">Select a neighbourhood from the list</a>' in page
    assert 'value="Lunch"' in page
    assert "1 application." in page  # the search still applies


# --- the open rounds -------------------------------------------------------------------


def test_one_organisation_is_sent_hidden_and_starts_the_application(
    client, member, organisation, grant_round
):
    client.force_login(member)
    page = client.get(reverse("grants-rounds")).content.decode()
    assert (
        f'<input type="hidden" name="organisation" value="{organisation.pk}" '
        f'id="id_round-{grant_round.pk}-organisation">'
    ) in page
    response = client.post(
        reverse("application-start", args=[grant_round.pk]), {"organisation": organisation.pk}
    )
    assert response.status_code == 302
    assert Application.objects.get().organisation == organisation


def test_several_organisations_are_a_choice(client, member, organisation, grant_round):
    other = MembershipFactory(user=member).organisation
    client.force_login(member)
    page = client.get(reverse("grants-rounds")).content.decode()
    field = f"id_round-{grant_round.pk}-organisation"
    assert f'<label class="govuk-label" for="{field}">Apply for</label>' in page
    assert f'<select name="organisation" class="govuk-select" id="{field}">' in page
    assert f'<option value="{other.pk}">{other.name}</option>' in page
    refused = client.post(reverse("application-start", args=[grant_round.pk]), {})
    assert refused.status_code == 400
    assert "Select the organisation that is applying" in refused.content.decode()
    assert not Application.objects.exists()
