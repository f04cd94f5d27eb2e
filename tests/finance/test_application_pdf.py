"""Applicants download a PDF of an application they submitted, with its
submission receipt; staff who assess it may too; nobody else."""

import pytest
from django.urls import reverse

from grants.services import applying
from people import roles
from tests.grants.conftest import draft
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_submitting_organisation_and_officers_download_the_pdf(client):
    person = MembershipFactory().user
    organisation = person.memberships.get().organisation
    application = draft(RoundFactory(), organisation, person)
    url = reverse("finance:application-pdf", args=[application.pk])
    client.force_login(person)
    assert client.get(url).status_code == 404  # a draft was not submitted
    applying.application_submit(application=application, actor=person)

    detail = client.get(reverse("application-detail", args=[application.pk])).content.decode()
    assert f'href="{url}">Download your application as submitted (PDF)</a>' in detail
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="application-{application.reference}.pdf"'
    )
    assert response.content.startswith(b"%PDF-")

    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    assert client.get(url).status_code == 200
    for outsider in (
        MembershipFactory().user,
        UserFactory(roles=[roles.PANEL_MEMBER]),
        UserFactory(roles=[roles.FINANCE_OFFICER]),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
