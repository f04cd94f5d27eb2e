"""Who may read the reports and take the exports, what the exports hold,
and that each export is recorded."""

import csv
import io

import pytest
from django.urls import reverse
from django_fsm_log.models import StateLog
from openpyxl import load_workbook

from organisations.models import Organisation
from people import roles
from reports.datasets import DATASETS
from reports.models import Export
from tests.people.factories import UserFactory

REPORT_URLS = [reverse("reports:reports")] + [
    reverse("reports:export", args=[slug, file_format])
    for slug in DATASETS
    for file_format in ("csv", "xlsx")
]
NOT_STAFF = [roles.APPLICANT, roles.PANEL_MEMBER, roles.LINK_WORKER, roles.FINANCE_OFFICER]


@pytest.mark.django_db
@pytest.mark.parametrize("role", NOT_STAFF)
def test_no_one_but_reporting_staff_reaches_a_report_or_export(client, role):
    client.force_login(UserFactory(roles=[role]))

    for url in REPORT_URLS:
        assert client.get(url).status_code == 403, url
    assert not Export.objects.exists()


@pytest.mark.django_db
def test_nobody_signed_out_reaches_a_report_or_export(client):
    for url in REPORT_URLS:
        assert client.get(url).status_code in (302, 403), url


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.ADMINISTRATOR, roles.COMMISSIONER, roles.GRANTS_OFFICER])
def test_staff_who_fund_and_commission_read_the_reports(client, role):
    client.force_login(UserFactory(roles=[role]))

    page = client.get(reverse("reports:reports"))

    assert page.status_code == 200
    assert "Reports across programmes" in page.text


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_applications_export_filtered_streamed_and_recorded(client, borough):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)

    response = client.get(
        reverse("reports:export", args=["applications", "csv"]),
        {"programme": borough.green.pk, "organisation_type": "cic"},
    )

    assert response.status_code == 200
    assert response.streaming
    rows = _csv(response)
    assert rows[0][:4] == ["Reference", "Programme", "Round", "Organisation"]
    # Green Spaces, CICs: Heights Garden's one application.
    assert [(r[2], r[3], r[7]) for r in rows[1:]] == [
        ("Green Spaces 2026", "Heights Garden", "Grant active")
    ]
    export = Export.objects.get()
    assert (export.made_by, export.dataset, export.file_format) == (officer, "applications", "csv")
    assert export.filters["programme"] == "Green Spaces"
    entry = StateLog.objects.get(transition="export")
    assert entry.by == officer
    assert "programme: Green Spaces" in entry.description
    assert "organisation_type: cic" in entry.description


def test_export_defuses_formulas(client, borough):
    Organisation.objects.filter(pk=borough.kitchen.pk).update(name='=HYPERLINK("http://x")')
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))

    rows = _csv(client.get(reverse("reports:export", args=["awards", "csv"])))
    workbook = load_workbook(
        io.BytesIO(
            b"".join(
                client.get(reverse("reports:export", args=["awards", "xlsx"])).streaming_content
            )
        )
    )

    assert '\'=HYPERLINK("http://x")' in [r[3] for r in rows]
    sheet = workbook.active
    names = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in names
    assert Export.objects.count() == 2


def test_payments_spreadsheet_holds_the_numbers(client, borough):
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))

    response = client.get(
        reverse("reports:export", args=["payments", "xlsx"]), {"programme": borough.lunch.pk}
    )

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][4:7] == ("Due", "Amount", "Approved")
    # G1's two instalments (£1,000 paid, £2,000 due); G4 has none.
    assert sorted(r[5] for r in rows[1:]) == [1000, 2000]


def test_a_filter_with_a_mistake_is_shown_and_the_rest_still_answers(client, borough):
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))

    page = client.get(
        reverse("reports:reports"),
        {
            "date_from_day": "31",
            "date_from_month": "2",
            "date_from_year": "2026",
            "programme": borough.green.pk,
        },
    )

    assert page.status_code == 200
    assert "From must be a real date" in page.text
    assert "£3,000 awarded in 2 grants" in page.text


@pytest.mark.django_db
def test_unknown_export_is_not_found(client):
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))

    assert client.get(reverse("reports:export", args=["people", "csv"])).status_code == 404
    assert not Export.objects.exists()


def test_what_we_fund_is_public_and_shows_published_grants_only(client, borough):
    page = client.get(reverse("reports:what-we-fund"))

    assert page.status_code == 200
    # G1 only: Lunch Clubs publishes from 2026; Green Spaces publishes nothing.
    assert "£3,000 awarded in 1 grant and £1,000 paid" in page.text
    assert "Heights Garden" not in page.text
    assert "Success rates" not in page.text


def test_reports_page_queries_do_not_grow_with_applications(
    client, borough, django_assert_max_num_queries
):
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))

    with django_assert_max_num_queries(40):
        client.get(reverse("reports:reports"))


@pytest.mark.django_db
def test_the_staff_home_links_to_the_reports_for_those_who_may_read_them(client):
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))
    home = client.get(reverse("wagtailadmin_home"))
    client.force_login(UserFactory(roles=[roles.FINANCE_OFFICER]))
    finance_home = client.get(reverse("wagtailadmin_home"))

    assert 'href="/reports/"' in home.text
    assert "Reports across programmes" in home.text
    assert 'href="/reports/"' not in finance_home.text
