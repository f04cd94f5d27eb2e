"""A commission is set up task by task, each on its own page: the task
list says what is Not started, In progress and Completed, and the tender
goes for approval only once every task is complete."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commissioning.models import Commission, Option, Tender, TenderState
from commissioning.services.appraisal import appraisal_record
from people import roles
from social_value.models import CallKind, CriterionKind
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import FrameworkFactory, PanelFactory

pytestmark = pytest.mark.django_db


def statuses(client, commission) -> dict[str, str]:
    html = client.get(reverse("commission-detail", args=[commission.pk])).content.decode()
    found = re.findall(
        r'govuk-task-list__link"[^>]*>([^<]+)</a>.*?govuk-task-list__status"[^>]*>\s*'
        r"(?:<[^>]+>)?([^<]+?)\s*<",
        html,
        re.S,
    )
    return dict(found)


@pytest.fixture
def commission(client, commissioner):
    client.force_login(commissioner)
    millfield = NeighbourhoodFactory(name="Millfield")
    response = client.post(
        reverse("commission-new"),
        {
            "title": "Befriending in Millfield",
            "need": "Older people living alone want company.",
            "neighbourhoods": [millfield.pk],
        },
    )
    assert response.status_code == 302
    return Commission.objects.get(title="Befriending in Millfield")


def appraise(commission, commissioner):
    appraisal_record(
        commission=commission,
        actor=commissioner,
        assets_considered="A lunch club.",
        community_answer="With us.",
        options_considered=[Option.GRANT, Option.TENDER],
        chosen=Option.TENDER,
        reason="Three years of visits need a contract.",
    )


DETAILS = {
    "title": "Befriending visits",
    "description": "Weekly visits to older people living alone.",
    "estimated_value": "£120,000",
    "procedure": "open",
    "clarification_date_day": "1",
    "clarification_date_month": "3",
    "clarification_date_year": "2027",
    "clarification_time": "12:00",
    "submission_date_day": "15",
    "submission_date_month": "3",
    "submission_date_year": "2027",
    "submission_time": "5pm",
    "expected_award_day": "30",
    "expected_award_month": "4",
    "expected_award_year": "2027",
    "contract_starts_day": "1",
    "contract_starts_month": "6",
    "contract_starts_year": "2027",
    "contract_ends_day": "31",
    "contract_ends_month": "5",
    "contract_ends_year": "2030",
}


def criteria_post(panel, rows) -> dict:
    data = {"panel": panel.pk}
    for number, (title, kind, weight, social) in enumerate(rows, start=1):
        data[f"c{number}-title"] = title
        data[f"c{number}-kind"] = kind
        data[f"c{number}-weight"] = weight
        if social:
            data[f"c{number}-is_social_value"] = "on"
    return data


def test_a_new_commission_is_its_creators_and_its_page_answers_without_an_appraisal(
    client, commission, commissioner
):
    assert commission.created_by == commissioner
    assert list(commission.neighbourhoods.values_list("name", flat=True)) == ["Millfield"]
    page = client.get(reverse("commission-detail", args=[commission.pk]))
    assert page.status_code == 200
    assert "Record the options appraisal" in page.content.decode()
    assert statuses(client, commission) == {
        "The need and neighbourhoods": "Completed",
        "Options appraisal": "Not started",
        "Tender details and procedure": "Cannot start yet",
        "Scoring criteria and weights": "Cannot start yet",
        "Lots": "Cannot start yet",
        "Bid questions": "Cannot start yet",
        "Documents": "Cannot start yet",
        "Approval": "Cannot start yet",
    }


def test_every_task_on_its_own_page_until_the_tender_can_go_for_approval(
    client, commission, commissioner
):
    FrameworkFactory(state="published")
    panel = PanelFactory(name="Befriending panel")
    response = client.post(
        reverse("set-up-appraisal", args=[commission.pk]),
        {
            "assets_considered": "A lunch club and a library.",
            "community_answer": "With us: the lunch club knows who is alone.",
            "options_considered": ["grant", "tender"],
            "chosen": "tender",
            "reason": "Three years of visits need a contract.",
        },
    )
    assert response.status_code == 302

    response = client.post(reverse("set-up-tender", args=[commission.pk]), DETAILS)
    assert response.status_code == 302
    tender = Tender.objects.get(commission=commission)
    assert tender.call.kind == CallKind.TENDER
    assert tender.estimated_value == Decimal(120000)
    assert tender.contract_ends == date(2030, 5, 31)
    assert tender.submission_deadline.isoformat() == "2027-03-15T17:00:00+00:00"

    # Social value at 5%: refused at once, in one summary, and nothing is lost.
    low = criteria_post(
        panel,
        [
            ("Method", CriterionKind.SCORED, "65", False),
            ("Social value", CriterionKind.SCORED, "5", True),
            ("Price", CriterionKind.PRICE, "30", False),
        ],
    )
    response = client.post(reverse("set-up-criteria", args=[commission.pk]), low)
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("There is a problem") == 1
    assert "Social value carries 5% of the weight; a tender needs at least 10% (PPN 06/20)." in (
        html
    )
    assert 'value="65"' in html
    assert not tender.call.criteria.exists()

    good = criteria_post(
        panel,
        [
            ("Method", CriterionKind.SCORED, "50", False),
            ("Social value", CriterionKind.SCORED, "20", True),
            ("Price", CriterionKind.PRICE, "30", False),
        ],
    )
    response = client.post(reverse("set-up-criteria", args=[commission.pk]), good)
    assert response.status_code == 302, re.findall(
        r"govuk-error-summary__list.*?</ul>", response.content.decode(), re.S
    )
    assert list(tender.call.criteria.values_list("title", "weight")) == [
        ("Method", Decimal(50)),
        ("Social value", Decimal(20)),
        ("Price", Decimal(30)),
    ]

    lots = reverse("set-up-lots", args=[commission.pk])
    client.post(lots, {"title": "Millfield", "description": "", "estimated_value": "120000"})
    assert list(tender.lots.values_list("number", "title")) == [(1, "Millfield")]

    assert statuses(client, commission)["Bid questions"] == "Not started"
    assert statuses(client, commission)["Approval"] == "Cannot start yet"
    questions = reverse("set-up-questions", args=[commission.pk])
    page = client.get(questions).content.decode()
    assert "Add a bid question for “Method”" in page
    method = tender.call.criteria.get(title="Method")
    client.post(
        questions,
        {
            "label": "How will visitors be matched?",
            "kind": "long_text",
            "criterion": method.pk,
            "help_text": "",
            "word_limit": "500",
        },
    )
    tender.refresh_from_db()
    assert [block.value["help_text"] for block in tender.questions] == ["Scored under “Method”."]

    documents = reverse("set-up-documents", args=[commission.pk])
    spec = SimpleUploadedFile("spec.pdf", b"%PDF-1.4 the specification", "application/pdf")
    assert client.post(documents, {"title": "Specification", "file": spec}).status_code == 302

    assert statuses(client, commission) == {
        "The need and neighbourhoods": "Completed",
        "Options appraisal": "Completed",
        "Tender details and procedure": "Completed",
        "Scoring criteria and weights": "Completed",
        "Lots": "Completed",
        "Bid questions": "Completed",
        "Documents": "Completed",
        "Approval": "Not started",
    }
    client.post(reverse("tender-action", args=[tender.pk, "send_for_approval"]))
    tender.refresh_from_db()
    assert tender.state == TenderState.AWAITING_APPROVAL
    assert statuses(client, commission)["Approval"] == "In progress"

    # Sent for approval: the set-up is what the approver sees, unchanged.
    response = client.post(lots, {"title": "Northgate", "estimated_value": "1000"})
    assert response.status_code == 400
    assert "its set-up cannot change now" in response.content.decode()
    assert tender.lots.count() == 1


def test_a_file_that_is_not_a_document_is_refused_next_to_the_field(
    client, commission, commissioner
):
    FrameworkFactory(state="published")
    appraise(commission, commissioner)
    client.post(reverse("set-up-tender", args=[commission.pk]), DETAILS)
    fake = SimpleUploadedFile("spec.pdf", b"MZ not a pdf at all", "application/pdf")
    response = client.post(
        reverse("set-up-documents", args=[commission.pk]), {"title": "Spec", "file": fake}
    )
    assert response.status_code == 400
    assert "not a real PDF" in response.content.decode()


def test_the_tender_waits_for_its_appraisal(client, commission):
    FrameworkFactory(state="published")
    response = client.post(reverse("set-up-tender", args=[commission.pk]), DETAILS)
    assert response.status_code == 400
    assert "Record the options appraisal first" in response.content.decode()
    assert not Tender.objects.exists()


def test_dates_out_of_order_are_refused_next_to_their_field(client, commission, commissioner):
    FrameworkFactory(state="published")
    appraise(commission, commissioner)
    response = client.post(
        reverse("set-up-tender", args=[commission.pk]),
        {**DETAILS, "contract_ends_year": "2027", "contract_ends_month": "5"},
    )
    assert response.status_code == 400
    assert "The contract ends after it starts." in response.content.decode()


def test_a_tender_missing_its_documents_cannot_go_for_approval(client, tender, commissioner):
    tender.documents.all().delete()
    client.force_login(commissioner)
    response = client.post(reverse("tender-action", args=[tender.pk, "send_for_approval"]))
    page = client.get(response.url).content.decode()
    assert "Add the tender documents: at least the specification." in page
    tender.refresh_from_db()
    assert tender.state == TenderState.DRAFT


def test_only_a_commissioner_sets_a_commission_up(client, commission):
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    for name in ("set-up-need", "set-up-appraisal", "set-up-tender", "set-up-lots"):
        assert client.get(reverse(name, args=[commission.pk])).status_code == 403
    assert client.get(reverse("commission-new")).status_code == 403
