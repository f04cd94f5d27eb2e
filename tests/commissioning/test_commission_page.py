"""A brand-new commission, made by a commissioner in the admin: it is
theirs without choosing themselves from a list, its page answers before
any appraisal is recorded, and a tender whose scored criterion has no
question cannot go for approval."""

import re

import pytest
from django.urls import reverse

from commissioning.models import Commission, TenderState
from commissioning.services.tenders import tender_send_for_approval
from people import roles
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_commission_is_created_by_whoever_is_signed_in(client, commissioner):
    UserFactory(first_name="Ali", last_name="Hassan")  # an applicant, never offered
    client.force_login(commissioner)
    form = client.get(reverse("commission:add")).content.decode()
    assert "Created by" not in form and "Ali Hassan" not in form

    response = client.post(
        reverse("commission:add"),
        {"title": "Befriending in Millfield", "need": "Older people want company at home."},
    )
    assert response.status_code == 302
    commission = Commission.objects.get(title="Befriending in Millfield")
    assert commission.created_by == commissioner


def test_a_commission_with_no_appraisal_answers_and_offers_the_appraisal_form(client, commissioner):
    commission = Commission.objects.create(
        title="Befriending in Millfield",
        need="Older people want company at home.",
        created_by=commissioner,
    )
    client.force_login(commissioner)
    response = client.get(reverse("commission-detail", args=[commission.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Record the options appraisal</a> before any tender." in html
    form = client.get(reverse("set-up-appraisal", args=[commission.pk])).content.decode()
    assert 'name="assets_considered"' in form
    assert 'name="community_answer"' in form
    assert "Record the appraisal</button>" in form


def test_a_scored_criterion_with_no_bid_question_stops_approval(client, tender, commissioner):
    tender.questions = []
    tender.save()
    client.force_login(commissioner)
    page = client.get(reverse("tender-manage", args=[tender.pk])).content.decode()
    assert "Add a bid question for “Method”" in page
    assert "Send for approval</button>" not in page

    response = client.post(reverse("tender-action", args=[tender.pk, "send_for_approval"]))
    page = client.get(response.url).content.decode()
    assert "Add a bid question for “Method”: it is scored" in page
    tender.refresh_from_db()
    assert tender.state == TenderState.DRAFT


def test_a_question_removed_while_awaiting_approval_still_stops_it(client, tender, commissioner):
    tender = tender_send_for_approval(tender=tender, actor=commissioner)
    tender.questions = []
    tender.save()
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))
    response = client.post(
        reverse("tender-action", args=[tender.pk, "approve"]), {"reason": "Looks complete"}
    )
    assert response.status_code == 400
    assert "Add a bid question for “Method”" in response.content.decode()
    tender.refresh_from_db()
    assert tender.state == TenderState.AWAITING_APPROVAL


def sidebar_labels(client) -> list[str]:
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return re.findall(r'"label": "([^"]+)"', props.group(1))


def test_the_commissioners_menu_is_the_set_up_in_order(client, commissioner):
    client.force_login(commissioner)
    labels = sidebar_labels(client)
    assert labels[: labels.index("Help")] == [
        "Commissioning",
        "Commissions",
        "Scoring criteria",
        "Tenders",
        "Lots",
        "Tender pipeline",
        "Scoring panels",
        "One-off bank holidays",
    ]
    # Other roles' screens are not in a commissioner's way.
    assert "Import assets (CSV)" not in labels and "Themes" not in labels


def test_an_administrator_keeps_the_whole_menu(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR, roles.COMMISSIONER]))
    labels = sidebar_labels(client)
    assert "Commissioning" in labels and "Themes" in labels


def task_statuses(html: str) -> list[tuple[str, str]]:
    items = re.findall(
        r'govuk-task-list__link"[^>]*>([^<]+)</a>.*?govuk-task-list__status"[^>]*>(.*?)</div>',
        html,
        re.S,
    )
    return [(name.strip(), re.sub(r"<[^>]+>", "", status).strip()) for name, status in items]


def test_the_commission_page_is_a_task_list_of_the_set_up(client, tender, commissioner):
    client.force_login(commissioner)
    url = reverse("commission-detail", args=[tender.commission_id])
    assert task_statuses(client.get(url).content.decode()) == [
        ("The need and neighbourhoods", "Completed"),
        ("Options appraisal", "Completed"),
        ("Tender details and procedure", "Completed"),
        ("Scoring criteria and weights", "Completed"),
        ("Lots", "Completed"),
        ("Bid questions", "Completed"),
        ("Documents", "Completed"),
        ("Approval", "Not started"),
    ]

    tender.questions = []
    tender.save()
    statuses = dict(task_statuses(client.get(url).content.decode()))
    assert statuses["Bid questions"] == "Not started"
    assert statuses["Approval"] == "Cannot start yet"


def test_a_new_commissions_task_list_starts_with_the_appraisal(client, commissioner):
    commission = Commission.objects.create(
        title="Befriending", need="Company at home.", created_by=commissioner
    )
    client.force_login(commissioner)
    html = client.get(reverse("commission-detail", args=[commission.pk])).content.decode()
    assert task_statuses(html) == [
        ("The need and neighbourhoods", "In progress"),  # no neighbourhood chosen yet
        ("Options appraisal", "Not started"),
        ("Tender details and procedure", "Cannot start yet"),
        ("Scoring criteria and weights", "Cannot start yet"),
        ("Lots", "Cannot start yet"),
        ("Bid questions", "Cannot start yet"),
        ("Documents", "Cannot start yet"),
        ("Approval", "Cannot start yet"),
    ]
