"""Nothing the demo shows or sends writes a time as "2:04 a.m.", an amount
of money without its thousands separator ("£6000") or whole pounds with
zero pence ("£6,000.00"): every page each kind of person can reach by
following links, each CSV linked from them, and every e-mail of a grant's
whole life."""

import io
import re
from collections import deque
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from grants.models import Application, Round, State
from grants.services import applying, assessment, awards
from grants.waiting import QUEUES
from people.models import User
from tests.grants.payments import payment_paid

pytestmark = pytest.mark.django_db

PEOPLE = [
    None,
    "applicant@ashbyvale.example",
    "panel@ashbyvale.example",
    "grants@ashbyvale.example",
    "commissioner@ashbyvale.example",
]
SKIPPED = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
SIGN_OUT = re.compile(r"sign-?out|log-?out", re.IGNORECASE)
HREF = re.compile(r'href="([^"#]+)')
# "2:04 a.m.", "noon p.m."; and "£6000" or "£12500.50": four or more
# figures of pounds with no comma.
AM_PM = re.compile(r"\b[ap]\.m\.", re.IGNORECASE)
BARE_MONEY = re.compile(r"£\s?\d{4,}")
# "£6,000.00" where "£6,000" is meant; "£6,000.50" keeps its pence.
ZERO_PENCE = re.compile(r"£\s?\d[\d,]*\.00(?!\d)")
# Scripts and styles are not read; form fields hold what a person typed.
UNSEEN = re.compile(r"<(script|style|textarea)\b.*?</\1>|<input\b[^>]*>", re.DOTALL | re.IGNORECASE)


def problems_in(text: str) -> list[str]:
    text = UNSEEN.sub("", text)
    return sorted(
        {match.group(0) for match in AM_PM.finditer(text)}
        | {match.group(0) for match in BARE_MONEY.finditer(text)}
        | {match.group(0) for match in ZERO_PENCE.finditer(text)}
    )


def crawl(client, starts, limit=250):
    """(path, text) of every page and CSV file reachable from `starts`."""
    queue, seen = deque(starts), set(starts)
    while queue and len(seen) <= limit:
        path = queue.popleft()
        response = client.get(path)
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in kind or "csv" in kind):
            continue
        text = response.content.decode()
        yield path, text
        if "html" not in kind:
            continue
        for href in HREF.findall(text):
            url = urlsplit(urljoin(path, href.replace("&amp;", "&")))
            if url.netloc and url.netloc != "testserver":
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target in seen or url.path.startswith(SKIPPED) or SIGN_OUT.search(url.path):
                continue
            seen.add(target)
            queue.append(target)


def staff_starts(user) -> list[str]:
    if not user or not user.has_perm("grants.assess_application"):
        return []
    starts = [reverse("grants-waiting", args=[queue.slug]) for queue in QUEUES]
    for round_ in Round.objects.all():
        starts += [
            reverse("grants-round-dashboard", args=[round_.pk]),
            reverse("grants-application-list", args=[round_.pk]),
            reverse("grants-decisions", args=[round_.pk]),
            reverse("call-overview", args=[round_.call_id]),
            reverse("call-ranking", args=[round_.call_id]),
            reverse("call-ranking-csv", args=[round_.call_id]),
        ]
    return starts


def a_grant_from_draft_to_completion(capture):
    """The demo applicant's draft through every step that sends an e-mail."""
    officer = User.objects.get(email="grants@ashbyvale.example")
    applicant = User.objects.get(email="applicant@ashbyvale.example")
    application = Application.objects.get(state=State.DRAFT, created_by=applicant)
    answers = dict(application.answers)
    for question in application.round.questions:
        answers.setdefault(str(question.id), "People who come choose what we cook.")
    with capture(execute=True):
        application = applying.application_save(
            application=application,
            actor=applicant,
            expected_version=application.version,
            changes=applying.DraftChanges(
                application.project_title,
                application.amount_requested,
                application.annual_income,
                answers,
                {},
            ),
        )
    with capture(execute=True):
        application = applying.application_submit(application=application, actor=applicant)
    with capture(execute=True):
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    with capture(execute=True):
        assessment.information_request(
            application=application, actor=officer, question="Who cooks?"
        )
    request = application.information_requests.get()
    with capture(execute=True):
        assessment.information_answer(request=request, actor=applicant, answer="Volunteers.")
    with capture(execute=True):
        application = assessment.panel_send(application=application, actor=officer)
    with capture(execute=True):
        assessment.decisions_record(
            round_=application.round,
            actor=officer,
            decisions=[
                assessment.Decision(
                    application.pk, "approve", "Strong", application.amount_requested
                )
            ],
        )
    application.refresh_from_db()
    start = timezone.localdate()
    with capture(execute=True):
        award = awards.offer_send(
            application=application,
            actor=officer,
            starts_on=start,
            ends_on=start + timedelta(days=365),
            payments=[(start, application.approved_amount)],
            return_dates=[start + timedelta(days=180)],
        )
    with capture(execute=True):
        awards.offer_accept(application=application, actor=applicant, signed_name="Ali Hassan")
    with capture(execute=True):
        payment_paid(payment=award.payments.get(), actor=officer, paid_on=start, reference="BACS-1")
    with capture(execute=True):
        awards.monitoring_return_submit(
            monitoring_return=award.returns.get(),
            actor=applicant,
            narrative="Lunches.",
            spend_to_date=Decimal("5250.50"),
            outcomes="Friends made.",
            connections_helped=12,
        )
    return application


def test_the_check_finds_each_wrong_writing_and_spares_typed_values():
    page = (
        "<p>Closes 2:04 p.m.; £6000 asked; £6,000.00 awarded; £6,000.50 paid; "
        "£250 spent; £12.5 left</p>"
        '<input name="amount" value="£4,500.00"><textarea name="why">£9.00</textarea>'
    )
    assert problems_in(page) == ["p.m.", "£6,000.00", "£6000"]


def test_no_page_csv_or_email_of_the_demo_writes_am_pm_or_bare_thousands(
    django_capture_on_commit_callbacks,
):
    call_command("demo_load", stdout=io.StringIO())
    a_grant_from_draft_to_completion(django_capture_on_commit_callbacks)
    found, checked = {}, 0
    for email in PEOPLE:
        client = Client()
        user = User.objects.get(email=email) if email else None
        if user:
            client.force_login(user)
        for path, text in crawl(client, ["/", "/portal/", *staff_starts(user)]):
            checked += 1
            if problems := problems_in(text):
                found[f"{email or 'anonymous'} {path}"] = problems
    assert checked > 150, f"only {checked} pages: the crawl was cut short"
    messages = [*mail.outbox]
    assert len(messages) >= 5, "the grant's e-mails were not sent"
    for message in messages:
        if problems := problems_in(f"{message.subject}\n{message.body}"):
            found[f"e-mail “{message.subject}”"] = problems
    assert not found, "\n".join(f"{where}: {', '.join(what)}" for where, what in found.items())
