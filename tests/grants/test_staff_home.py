"""The staff home on the Wagtail dashboard: what waits for the grants team,
each a count linked to its list, in queries that do not grow with the work."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from grants.models import Application, MonitoringReturn, Payment, Round, State
from grants.services import awards
from organisations.models import LegalForm, Organisation
from people import roles
from social_value.models import Call, CallState
from tests.grants.factories import RoundFactory
from tests.grants.payments import payment_paid
from tests.grants.test_officer_steps import accepted, at_panel
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def counts(page: str) -> dict[str, tuple[int, str]]:
    """{label: (count, link)} as the grants panel shows them."""
    panel = page[page.index('id="grants-waiting') :]
    panel = panel[: panel.index("</section>")]
    return {
        label: (int(count), link)
        for link, count, label in re.findall(
            r'<a href="([^"]+)"><strong>(\d+)</strong> ([^<]+)</a>', panel
        )
    }


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def test_the_home_counts_what_waits_and_links_each_count_to_its_list(client, officer):
    grant_round = RoundFactory()
    waiting_check, _ = at_panel(grant_round, officer)  # at the panel: not a check to do
    Application.objects.filter(pk=waiting_check.pk).update(state=State.ELIGIBILITY)
    grant = accepted(grant_round, officer)  # payments due 1 April and 1 October 2027
    soon = Payment.objects.filter(award__application=grant).order_by("due_on").first()
    Payment.objects.filter(pk=soon.pk).update(due_on=timezone.localdate() + timedelta(days=14))
    client.force_login(officer)

    page = client.get(reverse("wagtailadmin_home")).content.decode()
    shown = counts(page)
    assert shown["eligibility checks to do"] == (1, "/grants/manage/waiting/eligibility/")
    assert shown["payments due in the next 14 days"] == (1, "/grants/manage/waiting/payments/")
    assert shown["offers sent and not accepted"][0] == 0
    assert shown["decisions due"][0] == 0
    assert shown["monitoring returns overdue"][0] == 0
    assert len(shown) == 8

    listed = client.get("/grants/manage/waiting/payments/").content.decode()
    assert f"{grant.reference}: Lunch club" in listed
    assert "£3,000 due " in listed
    listed = client.get("/grants/manage/waiting/eligibility/").content.decode()
    assert waiting_check.reference in listed
    assert grant.reference not in listed


def test_a_return_sent_waits_for_review_until_an_officer_marks_it(client, officer):
    grant = accepted(RoundFactory(), officer)
    first_payment = grant.award.payments.order_by("due_on").first()
    payment_paid(payment=first_payment, actor=officer, paid_on=date(2027, 4, 1), reference="BACS-1")
    member = grant.organisation.memberships.get().user
    sent = grant.award.returns.order_by("due_on").first()
    awards.monitoring_return_submit(
        monitoring_return=sent,
        actor=member,
        narrative="Twelve lunches so far.",
        spend_to_date=Decimal(1200),
        outcomes="Neighbours who had never met now cook together.",
        connections_helped=30,
    )
    client.force_login(officer)
    home = reverse("wagtailadmin_home")
    assert counts(client.get(home).content.decode())["monitoring returns to review"][0] == 1
    manage = client.get(reverse("application-manage", args=[grant.pk])).content.decode()
    assert "Twelve lunches so far." in manage

    response = client.post(reverse("monitoring-return-reviewed", args=[sent.pk]), follow=True)
    assert "The return is marked as reviewed." in response.content.decode()
    assert counts(client.get(home).content.decode())["monitoring returns to review"][0] == 0
    sent.refresh_from_db()
    assert sent.reviewed_by == officer


def test_overdue_returns_and_rounds_in_moderation_are_counted(client, officer):
    grant = accepted(RoundFactory(), officer)
    Application.objects.filter(pk=grant.pk).update(state=State.ACTIVE)
    MonitoringReturn.objects.filter(award__application=grant).update(
        due_on=timezone.localdate() - timedelta(days=1)
    )
    moderating = RoundFactory(title="Lunch clubs 2027")
    Call.objects.filter(pk=moderating.call_id).update(state=CallState.MODERATION)
    client.force_login(officer)
    shown = counts(client.get(reverse("wagtailadmin_home")).content.decode())
    assert shown["monitoring returns overdue"][0] == 2
    assert shown["rounds ready for moderation"][0] == 1
    listed = client.get("/grants/manage/waiting/moderation/").content.decode()
    assert "Lunch clubs 2027" in listed
    assert reverse("call-moderation", args=[moderating.call_id]) in listed


def test_people_who_are_not_grants_officers_see_no_grants_panel(client):
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting for the grants team" not in page


def test_an_unknown_list_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get("/grants/manage/waiting/everything/").status_code == 404


def _many(rounds: int, per_round: int, tag: str):
    owner = UserFactory()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Group {n:04d}",
            legal_form=LegalForm.UNINCORPORATED_GROUP,
            org_id=f"360G-{tag}-{n}",
        )
        for n in range(per_round)
    )
    states = [State.ELIGIBILITY, State.ASSESSMENT, State.PANEL, State.OFFER]
    for _ in range(rounds):
        grant_round = RoundFactory()
        Application.objects.bulk_create(
            Application(
                round=grant_round,
                organisation=organisation,
                created_by=owner,
                reference=f"G{grant_round.pk}-{n:05d}",
                project_title=f"Project {n}",
                amount_requested=Decimal(1000 + n),
                state=states[n % 4],
                submitted_at=timezone.now(),
            )
            for n, organisation in enumerate(organisations)
        )


def test_the_home_queries_do_not_grow_with_rounds_or_applications(
    client, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    home = reverse("wagtailadmin_home")
    _many(1, 100, tag="few")
    client.get(home)  # caches warmed, as on any later visit
    with django_assert_max_num_queries(40) as few:
        client.get(home)
    _many(49, 100, tag="many")
    assert Round.objects.count() == 50
    assert Application.objects.count() == 50 * 100
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(home).content.decode()
    assert counts(page)["eligibility checks to do"][0] == 50 * 25
    assert counts(page)["offers sent and not accepted"][0] == 50 * 25
