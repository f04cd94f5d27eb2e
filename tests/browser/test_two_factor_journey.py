"""A new grants officer's first sign-in: password, then setting up an
authenticator app, then the admin; the next time, a recovery code."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from people import roles
from tests.browser.conftest import BROWSER_TEST, EMAIL_LABEL, LOGINS, sign_in
from tests.browser.test_accessibility import blocking_violations
from tests.people.factories import PASSWORD, UserFactory

pytestmark = BROWSER_TEST

EMAIL = "new.officer@ashbyvale.example"


def password_step(page) -> None:
    page.get_by_label(EMAIL_LABEL).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()


def test_a_grants_officer_sets_up_an_app_before_reaching_the_admin(page, shot):
    UserFactory(email=EMAIL, first_name="Nia", last_name="Adeyemi", roles=[roles.GRANTS_OFFICER])

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/\?next=/admin/"))
    password_step(page)

    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    expect(page.get_by_text("Staff accounts sign in with a password and a code")).to_be_visible()
    expect(page.get_by_role("img", name="QR code holding the secret below")).to_be_visible()
    assert blocking_violations(page) == []
    shot("set up two-step verification")

    # Read the key shown for people who cannot scan, as an app would take it.
    shown = page.get_by_text(re.compile(r"Setup key:")).inner_text()
    secret = shown.split(":", 1)[1].replace(" ", "").strip()
    page.get_by_label("Code from your app").fill("123")
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    shot("a wrong code")

    page.get_by_label("Code from your app").fill(f"{TOTP(b32decode(secret)).token():06d}")
    page.get_by_role("main").get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    recovery_code = codes.first.inner_text().strip()
    assert blocking_violations(page) == []
    shot("recovery codes shown once")

    page.get_by_role("link", name=re.compile("continue$")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("Nia", exact=False).first).to_be_visible()
    shot("the admin dashboard")

    # The next sign-in asks for a code; a recovery code does instead.
    page.context.clear_cookies()
    page.goto("/admin/")
    password_step(page)
    expect(page.get_by_role("heading", name="Enter the code from your app")).to_be_visible()
    assert blocking_violations(page) == []
    shot("asked for a code")
    page.get_by_label("Code", exact=True).fill(recovery_code)
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    shot("in with a recovery code")


@pytest.mark.parametrize("role", ["grants officer", "commissioner"])
def test_demo_staff_sign_in_with_their_code(page, role):
    sign_in(page, LOGINS[role])
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
