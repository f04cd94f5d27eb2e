"""The demo site on a live server, driven in Debian's Chromium by Playwright.

Elements are found by role, label and text, as people find them, never by
CSS class: the markup underneath may change, what people meet may not.
"""

import contextlib
import io
import os
import re
import shutil
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from demo.community import DEMO_PASSWORD
from tests.conftest import ROOT
from tests.people.otp import app_code_fresh

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
OUTPUT = ROOT / "test-output"
WIDE = {"width": 1280, "height": 900}

LOGINS = {
    "applicant": "applicant@ashbyvale.example",
    "second bidder": "bidder@ashbyvale.example",
    "panel": "panel@ashbyvale.example",
    "grants officer": "grants@ashbyvale.example",
    "commissioner": "commissioner@ashbyvale.example",
    "finance officer": "payments@ashbyvale.example",
}
# "E-mail address" today; "Email address" is the GOV.UK spelling.
EMAIL_LABEL = re.compile(r"^e-?mail( address)?$", re.IGNORECASE)

# Each test runs against the full demo and ends with a flush (the server is
# another thread, so nothing can be rolled back). The flush truncates, which
# the audit trail's row triggers allow on PostgreSQL only. Serialized
# rollback puts back what the migrations made (the Wagtail tree, bank
# holidays) for the next test's demo load.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_restored(django_db_setup, django_db_blocker):
    """After the module's last flush, leave the database as migrations made
    it, as later transactional tests in the suite expect."""
    yield
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for every browser test. Package scope, not session: while
    it runs, Playwright's sync API keeps an asyncio loop running in this
    thread, which the rest of the suite should not inherit."""
    migrated = getattr(connection, "_test_serialized_contents", None)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Django refuses ORM calls from a thread with a running loop. This
        # thread makes no async calls of its own, so nothing is unsafe.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # And its connection handler now keeps connections per context, not
        # per thread: the test code gets a new connection, which must also
        # know how to restore what the migrations made.
        if migrated is not None:
            connection._test_serialized_contents = migrated
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        yield browser
        browser.close()
        # Close that connection while it can still be reached.
        connections.close_all()


@pytest.fixture
def demo_site(live_server) -> str:
    """The live server's address, its database holding the Ashby Vale demo."""
    call_command("demo_load", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def context(browser, demo_site):
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def sign_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real form, as a person would: staff then give
    the code their app shows (setting up an app first if they have none)."""
    page.goto("/accounts/sign-in/")
    page.get_by_label(EMAIL_LABEL).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    expect(page).not_to_have_url(re.compile(r"/accounts/sign-in/"))
    if "/accounts/two-factor/set-up/" in page.url:
        two_factor_set_up(page)
        page.get_by_role("link", name=re.compile("continue$")).click()
    elif "/accounts/two-factor/code/" in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        page.get_by_label("Code", exact=True).fill(app_code_fresh(device))
        page.get_by_role("main").get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    expect(page).not_to_have_url(re.compile(r"/accounts/two-factor/"))


def two_factor_set_up(page) -> None:
    """On the set-up page: read the setup key shown for people who cannot
    scan, type the code an app holding it would show, and continue to the
    recovery codes."""
    shown = page.get_by_text(re.compile(r"Setup key:")).inner_text()
    secret = shown.split(":", 1)[1].replace(" ", "").strip()
    code = f"{TOTP(b32decode(secret)).token():06d}"
    page.get_by_label("Code from your app").fill(code)
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()


class Screenshots:
    """Numbered full-page screenshots of one test, in the order taken."""

    def __init__(self, page, folder):
        self.page, self.folder, self.taken = page, folder, 0

    def __call__(self, step: str) -> None:
        self.taken += 1
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        self.page.screenshot(path=self.folder / f"{self.taken:02d}-{name}.png", full_page=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture
def shot(page, request):
    folder = OUTPUT / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    # A rerun replaces the last run's pictures rather than mixing with them.
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    screenshots = Screenshots(page, folder)
    yield screenshots
    if getattr(request.node, "call_failed", False):
        # Where it stopped, which the last step's picture may not show.
        with contextlib.suppress(PlaywrightError):
            screenshots("failed here")


def link_or_button(scope, name):
    """A call to action: GOV.UK styles some links as buttons (role="button")."""
    return scope.get_by_role("link", name=name).or_(scope.get_by_role("button", name=name))
