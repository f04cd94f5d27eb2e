"""What a first visitor and each demo person meet."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from demo.community import DEMO_PASSWORD, PEOPLE
from demo.two_factor import demo_code
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation
from people.models import User
from social_value.models import Call

pytestmark = pytest.mark.django_db


def test_home_page_is_served(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Common Ground</h1>' in body
    assert 'href="#main-content"' in body  # skip link


def test_wagtail_admin_asks_for_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    # One sign-in for the site: the admin's sends people to it.
    assert response.redirect_chain[-1][0].startswith("/accounts/sign-in/?next=/admin/")


def test_demo_data_loads_twice_without_duplicating(capsys):
    call_command("demo_load")
    # Each part of the demo adds its own organisations; a further load adds none.
    counts = (User.objects.count(), Call.objects.count(), Organisation.objects.count())
    call_command("demo_load")
    printed = capsys.readouterr().out
    for email, *_ in PEOPLE:
        assert email in printed
    assert DEMO_PASSWORD in printed
    assert Neighbourhood.objects.count() == 5
    for email, *_ in PEOPLE:
        assert User.objects.filter(email=email).count() == 1
    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (User.objects.count(), Call.objects.count(), Organisation.objects.count()) == counts


@pytest.mark.parametrize(
    ("email", "reaches_admin"),
    [(p[0], p[3] != "Panel member" and p[3] != "Applicant") for p in PEOPLE],
)
def test_each_demo_login_works(client, email, reaches_admin):
    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.post(
        reverse("account-login"), {"username": email, "password": DEMO_PASSWORD}, follow=True
    )
    if reaches_admin:
        # Staff then give the demo app's code (the README's demo secret).
        assert "Enter the code from your app" in response.content.decode()
        response = client.post(
            response.redirect_chain[-1][0], {"code": demo_code(email)}, follow=True
        )
    assert response.status_code == 200
    assert response.context["user"].email == email
    assert "Your dashboard" in response.content.decode()
    assert (client.get("/admin/").status_code == 200) is reaches_admin


def test_applicant_demo_sees_their_organisation(client):
    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.login(username="applicant@ashbyvale.example", password=DEMO_PASSWORD)
    body = client.get(reverse("portal-dashboard")).content.decode()
    assert "Canal Side Community Kitchen" in body
    assert "GB-CHC-1190001" in body


def test_sign_in_is_by_email_any_case(client):
    User.objects.create_user(
        email="ruth@example.org", password=DEMO_PASSWORD, first_name="Ruth", last_name="Ng"
    )
    ok = client.post(
        reverse("account-login"), {"username": "Ruth@Example.org", "password": DEMO_PASSWORD}
    )
    assert ok.status_code == 302


def test_wrong_password_is_refused_with_a_message(client):
    User.objects.create_user(
        email="ruth@example.org", password=DEMO_PASSWORD, first_name="Ruth", last_name="Ng"
    )
    response = client.post(
        reverse("account-login"), {"username": "ruth@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_then_reset_password(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account-signup"),
            {
                "email": "Sam@Example.org",
                "first_name": "Sam",
                "last_name": "Lee",
                "password1": "canal-side-2026",
                "password2": "canal-side-2026",
            },
        )
    assert response.status_code == 302
    assert User.objects.get().email == "sam@example.org"
    # The address is confirmed from the e-mailed link before anything else.
    confirm = re.search(r"/accounts/confirm/\S+/\S+/", mail.outbox.pop().body).group(0)
    assert client.get(confirm).status_code == 302
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "sam@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"/accounts/password-reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "new-pass-2026-x", "new_password2": "new-pass-2026-x"},
    )
    assert done.status_code == 302
    assert client.login(username="sam@example.org", password="new-pass-2026-x")


def test_sitemap_lists_the_home_page(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"<loc>" in response.content


def test_demo_scoring_is_ready_to_explore(client):
    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.login(username="panel@ashbyvale.example", password=DEMO_PASSWORD)
    panel_page = client.get(reverse("panel-dashboard")).content.decode()
    assert "Connected Communities Fund, round 2" in panel_page
    assert "Conflict of interest to declare" in panel_page

    client.login(username="commissioner@ashbyvale.example", password=DEMO_PASSWORD)
    tender = Call.objects.get(title="Home support in Northgate and The Heights")
    ranking = client.get(reverse("call-ranking", args=[tender.pk]))
    assert ranking.status_code == 200
    body = ranking.content.decode()
    for submission in tender.submissions.all():
        assert submission.reference in body
    assert "Millfield Shared Lives CIC" in body
    sheet = client.get(reverse("call-moderation", args=[tender.pk])).content.decode()
    assert "Agreed at the moderation meeting" in sheet


def test_demo_grants_are_ready_to_explore(client):
    from grants.models import Round

    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.login(username="applicant@ashbyvale.example", password=DEMO_PASSWORD)
    mine = client.get(reverse("my-applications")).content.decode()
    assert "Cook-and-share lunch club" in mine
    assert "Finish your answers and submit before the round closes." in mine
    assert (
        "Connected Communities Fund, round 2"
        in client.get(reverse("grants-rounds")).content.decode()
    )

    client.login(username="grants@ashbyvale.example", password=DEMO_PASSWORD)
    past = Round.objects.get(title="Connected Communities Fund, round 1")
    dashboard = client.get(reverse("grants-round-dashboard", args=[past.pk])).content.decode()
    assert "Late monitoring returns" in dashboard
    assert "Northgate Neighbours" in dashboard
    current = Round.objects.get(title="Connected Communities Fund, round 2")
    listing = client.get(reverse("grants-application-list", args=[current.pk])).content.decode()
    assert "4 applications." in listing


def test_demo_tender_is_open_and_sealed(client):
    from commissioning.models import Bid, Tender

    call_command("demo_load", stdout=open("/dev/null", "w"))  # noqa: SIM115
    tender = Tender.objects.get(title="Community connectors for Millfield and Northgate")
    assert "Community connectors" in client.get(reverse("tenders-open")).content.decode()
    client.login(username="commissioner@ashbyvale.example", password=DEMO_PASSWORD)
    page = client.get(reverse("tender-manage", args=[tender.pk])).content.decode()
    assert "Bids are sealed until the tender closes" in page
    bid = Bid.objects.get(tender=tender)
    assert client.get(reverse("bid-detail", args=[bid.pk])).status_code == 403
    pipeline = client.get(reverse("commissioning-pipeline")).content.decode()
    assert "appraised, chose a tender" in pipeline
