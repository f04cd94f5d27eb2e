"""axe-core, one <h1>, a skip link and reflow at 320 px on every page of the
demo site that each kind of person can reach by following links.

The pages are found by crawling, not listed by hand, so a new page is
checked the day it is linked.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from assets.models import Asset
from commissioning.models import Commission, Contract
from demo.community import DEMO_PASSWORD
from demo.support import demo_list_paths
from grants.models import Application, Award, Round
from grants.waiting import QUEUES
from outcomes.models import AnswerLink
from people.models import User
from social_value.models import Call
from social_value.permissions import can_oversee
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in

pytestmark = BROWSER_TEST

AXE = Axe()
BLOCKING = {"serious", "critical"}
NARROW = {"width": 320, "height": 800}
MAX_PAGES = 150
SET_UP_TASKS = [
    "set-up-need",
    "set-up-appraisal",
    "set-up-tender",
    "set-up-criteria",
    "set-up-lots",
    "set-up-questions",
    "set-up-documents",
]
# Staff work in the Wagtail and Django admins, which are not ours to mark up;
# files are not pages.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/")
FILE_SUFFIXES = (".csv", ".geojson", ".json", ".pdf", ".xlsx", ".xml")
SIGN_OUT = re.compile(r"sign-?out|log-?out", re.IGNORECASE)

STARTS = {
    "anonymous": [
        "/",
        "/accounts/sign-in/",
        "/accounts/sign-up/",
        "/accounts/password-reset/",
        # Open data: the 360Giving files of grants.
        "/open-data/grants/",
        # The API's reference for people.
        "/api/docs/",
        # Lists of support, reached by their private links.
        *demo_list_paths(),
        # Finding support: one search, what is near a postcode, the widget.
        "/search/?q=lunch",
        "/neighbourhoods/?postcode=AV1+2CK",
        "/widget/?neighbourhood=old-town",
    ],
    # The second bidder sees the applicant's pages for another organisation:
    # crawled once, as the applicant.
    **{role: ["/", "/portal/"] for role in LOGINS if role != "second bidder"},
}
# Two-step verification's pages: its settings for everyone, and setting it
# up for those who have not (the code and recovery-code pages are checked
# in test_two_factor_journey, where a sign-in reaches them).
STARTS["applicant"] = [
    *STARTS["applicant"],
    "/accounts/two-factor/",
    "/accounts/two-factor/set-up/",
]
STARTS["grants officer"] = [*STARTS["grants officer"], "/accounts/two-factor/"]
# Money out: bank details waiting to be verified, and the finance export.
STARTS["grants officer"] += ["/portal/bank-details/to-verify/", "/finance/claims/"]
# The finance team: payments to release, export and record paid.
STARTS["finance officer"] += ["/finance/payments/", "/portal/bank-details/to-verify/"]
# Reports across programmes, linked from the staff home.
STARTS["grants officer"] += ["/reports/"]
# Fewer than this many pages means the crawl was cut short (a broken home
# page, a lost menu), not that the site shrank.
MINIMUM_PAGES = {
    "anonymous": 25,
    "applicant": 30,
    "panel": 30,
    "grants officer": 40,
    "commissioner": 35,
    "finance officer": 5,
}

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = [...(el.labels || [])].map(l => l.innerText.trim()).join(' ');
  const text = el.innerText.trim();
  return {
    text,
    href: el.getAttribute('href'),
    visible: el.getBoundingClientRect().width > 1,
    what: `<${el.tagName.toLowerCase()}> ${label || text.slice(0, 40)}`,
  };
}"""

# The innermost elements, or text too long to wrap, sticking out past the
# right edge: to say what to fix.
OVERFLOWING = """() => {
  const edge = document.documentElement.clientWidth + 1;
  const sticksOut = el => {
    const box = el.getBoundingClientRect();
    const spills = getComputedStyle(el).overflowX === 'visible'
      && box.left + el.scrollWidth > edge;
    return box.right > edge || spills;
  };
  // What sticks out inside a box that scrolls or clips does not widen the page.
  const clipped = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')].filter(
    el => sticksOut(el) && !clipped(el)
  );
  const describe = el => {
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
    const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    return `${name}${el.classList.length ? '.' + el.classList[0] : ''} "${text}"`;
  };
  return wide.filter(el => !wide.some(o => o !== el && el.contains(o))).slice(0, 3).map(describe);
}"""


def blocking_violations(page) -> list[str]:
    results = AXE.run(page, options={"resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        nodes = violation["nodes"]
        targets = "; ".join(" ".join(map(str, node["target"])) for node in nodes[:2])
        found.append(
            f"axe {violation['impact']} {violation['id']}: {violation['help']} "
            f"({len(nodes)} element{'s' if len(nodes) != 1 else ''}, e.g. {targets})"
        )
    return found


def audit(page, *, skip_link: bool = True) -> list[str]:
    """What a person would meet on the page just loaded, as problems.
    `skip_link=False` after a form: GOV.UK moves the focus to the error
    summary or the success banner, so the first Tab goes on from there."""
    problems = []
    # Tab first, before anything else can move the focus.
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    # Then leave the focus where the page put it: a focused skip link is
    # shown above the header, and a mouse press anywhere hides it again, so
    # the page moves up under the pointer between press and release and
    # the next click in a journey would land on whatever came up beneath.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    if skip_link and not (
        focused
        and focused["text"] == "Skip to main content"
        and focused["href"] == "#main-content"
        and focused["visible"]
    ):
        reached = focused["what"] if focused else "nothing"
        problems.append(f"the first Tab does not reach a visible skip link: it reaches {reached}")
    headings = page.get_by_role("heading", level=1).all_inner_texts()
    if len(headings) != 1:
        problems.append(f"{len(headings)} level-1 headings, not 1: {headings}")
    problems += blocking_violations(page)
    page.set_viewport_size(NARROW)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        culprits = ", ".join(page.evaluate(OVERFLOWING))
        problems.append(f"scrolls sideways at 320 px: {width} px wide, past the edge: {culprits}")
    page.set_viewport_size(WIDE)
    return problems


def staff_starts(email: str) -> list[str]:
    """Staff reach their workflow pages by links in the Wagtail admin, which
    the crawl leaves out: start where those links lead, as far as the person
    may go."""
    user = User.objects.get(email=email)
    starts = [reverse("framework-list")] if user.has_perm("social_value.view_framework") else []
    if user.has_perm("grants.assess_application"):
        for round_ in Round.objects.order_by("pk"):
            starts.append(reverse("grants-round-dashboard", args=[round_.pk]))
            starts.append(reverse("grants-application-list", args=[round_.pk]))
            starts.append(reverse("grants-decisions", args=[round_.pk]))
            starts.append(reverse("round-launch", args=[round_.pk]))
        # What waits for the team, linked from the staff home.
        starts += [reverse("grants-waiting", args=[queue.slug]) for queue in QUEUES]
    if user.has_perm("commissioning.run_tender"):
        # Each contract's page: its social value promised and delivered.
        starts += [
            reverse("contract-detail", args=[pk])
            for pk in Contract.objects.values_list("pk", flat=True)
        ]
        # A new commission and every set-up task of each commission.
        starts.append(reverse("commission-new"))
        # Before a commission has a tender, the tasks that change the tender
        # send the commissioner back to the task list to give its details.
        with_tender = set(
            Commission.objects.filter(tenders__isnull=False).values_list("pk", flat=True)
        )
        starts += [
            reverse(task, args=[pk])
            for pk in Commission.objects.values_list("pk", flat=True)
            for task in (SET_UP_TASKS if pk in with_tender else SET_UP_TASKS[:3])
        ]
    return starts + [
        reverse("call-overview", args=[call.pk])
        for call in Call.objects.order_by("pk")
        if can_oversee(call=call, user=user)
    ]


def wanted(path: str) -> bool:
    return not (
        path.startswith(SKIPPED_PREFIXES)
        or path.lower().endswith(FILE_SUFFIXES)
        or SIGN_OUT.search(path)
    )


# Every Content-Security-Policy violation in any frame, reported to the
# crawl (Chromium also logs each as a "Refused to ..." console error).
REPORT_CSP_VIOLATIONS = """() => document.addEventListener('securitypolicyviolation', e =>
  window.reportCspViolation(
    `${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`
    + (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '')
  )
)"""


def watch_third_parties(page, origin) -> list[list[str]]:
    """Collect, for the page being crawled, every request to a host other
    than the live server's, every CSP violation and every console error
    about the security headers. Returns a one-item list holding the current
    page's problems; the crawl swaps in a fresh list for each page."""
    current: list[list[str]] = [[]]

    def on_request(request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url[:2] != origin:
            current[0].append(f"asks another host: {request.method} {request.url}")

    def on_console(message) -> None:
        # Chromium warns of a feature it does not know in Permissions-Policy.
        text = message.text
        if (message.type == "error" and "Content Security Policy" in text) or (
            message.type in ("error", "warning") and "Permissions-Policy" in text
        ):
            current[0].append(f"console: {text}")

    page.expose_function("reportCspViolation", lambda text: current[0].append(f"CSP: {text}"))
    page.add_init_script(f"({REPORT_CSP_VIOLATIONS})()")
    page.on("request", on_request)
    page.on("console", on_console)
    return current


def crawl(page, base: str, starts: list[str]):
    """Breadth first over same-origin links from `starts`, each path once
    (the first query string seen for it stands for all its filters and
    pages). Yields each page's address, its HTTP status, whether the
    browser is showing it, ready to audit, and a list the crawl keeps
    filling (also while the page is audited) with what the page asked of
    other hosts and what the Content-Security-Policy refused."""
    origin = urlsplit(base)[:2]
    queue, queued, loaded = deque(), set(), set()
    elsewhere = watch_third_parties(page, origin)

    def enqueue(href: str) -> None:
        url = urlsplit(urljoin(base + "/", href))
        if url.scheme not in ("http", "https") or url[:2] != origin:
            return
        path = url.path or "/"
        if path not in queued and wanted(path):
            queued.add(path)
            queue.append(urlunsplit(("", "", path, url.query, "")))

    for start in starts:
        enqueue(start)
    while queue and len(loaded) < MAX_PAGES:
        target = queue.popleft()
        elsewhere[0] = refused = []
        try:
            response = page.goto(target)
        except PlaywrightError:
            # Chromium will not show an error answered with an empty body (a
            # 405 from a POST-only view): ask for it again to say which.
            loaded.add(urlsplit(target).path)
            yield target, page.request.get(target).status, False, refused
            continue
        landed = urlsplit(page.url).path
        # Several links can end on one page (sign-in, after a redirect).
        if landed in loaded or not wanted(landed):
            continue
        loaded.add(landed)
        queued.add(landed)
        if "html" not in (response.headers.get("content-type") or ""):
            continue
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        yield target, response.status, True, refused
        for href in links:
            enqueue(href)


@pytest.mark.parametrize("role", list(STARTS))
def test_every_page_a_person_can_reach_is_accessible(page, demo_site, role):
    starts = STARTS[role]
    if role != "anonymous":
        sign_in(page, LOGINS[role])
        starts = starts + staff_starts(LOGINS[role])
    problems, checked = {}, []
    for url, status, shown, refused in crawl(page, demo_site, starts):
        checked.append(url)
        found = audit(page) if shown else []
        found += refused
        if status >= 400:
            found.insert(0, f"answers HTTP {status}")
        if found:
            problems[url] = found
    report = "\n".join(
        f"{url}\n" + "\n".join(f"    - {problem}" for problem in found)
        for url, found in problems.items()
    )
    print(f"{role}: {len(checked)} pages checked\n" + "\n".join(checked))
    assert len(checked) >= MINIMUM_PAGES[role], (
        f"the crawl for {role} reached only {len(checked)} pages: {checked}"
    )
    assert not problems, (
        f"{len(problems)} of the {len(checked)} pages {role} can reach have problems:\n{report}"
    )


@pytest.mark.parametrize(
    ("path", "button"),
    [
        ("/accounts/sign-in/", "Sign in"),
        ("/accounts/sign-up/", re.compile(r"^Create (an )?account$")),
    ],
)
def test_a_form_sent_empty_explains_the_problem_accessibly(page, path, button):
    page.goto(path)
    page.get_by_role("main").get_by_role("button", name=button).click()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    # Each message links to the field it is about.
    links = summary.get_by_role("link")
    expect(links.first).to_be_visible()
    for href in [link.get_attribute("href") for link in links.all()]:
        assert href.startswith("#")
        assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{href} leads nowhere"
    assert blocking_violations(page) == []


def _checked(page, what: str, problems: dict) -> None:
    found = audit(page, skip_link=False)
    if found:
        problems[f"{what} ({urlsplit(page.url).path})"] = found


def test_pages_reached_only_after_a_form_are_accessible(page, browser, demo_site):
    """The crawl follows links; these pages are reached only by sending a
    form: check your answers, the confirmation, a refusal's error summary,
    the decisions recorded."""
    problems = {}
    draft = Application.objects.get(project_title="Cook-and-share lunch club")
    sign_in(page, LOGINS["applicant"])
    page.goto(reverse("application-edit", args=[draft.pk]))
    page.get_by_role("button", name=re.compile(r"^Save and check")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
    _checked(page, "check your answers, with a question unanswered", problems)
    page.goto(reverse("application-edit", args=[draft.pk]))
    page.get_by_label("How do the people you work with shape it?").fill("They choose the menu.")
    page.get_by_role("button", name=re.compile(r"^Save and check")).click()
    _checked(page, "check your answers", problems)
    page.get_by_role("main").get_by_role("button", name=re.compile("submit", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application submitted")
    _checked(page, "application submitted", problems)

    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    officer = context.new_page()
    sign_in(officer, LOGINS["grants officer"])
    round_ = Round.objects.get(title="Connected Communities Fund, round 2")
    waiting = Application.objects.filter(round=round_, state="panel").order_by("reference")
    first, second = waiting[0], waiting[1]
    officer.goto(reverse("grants-decisions", args=[round_.pk]))
    officer.get_by_label(f"Decision for {first.reference}").select_option(label="Decline")
    officer.get_by_role("button", name="Record these decisions").click()
    expect(officer.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    _checked(officer, "decisions refused", problems)
    officer.get_by_label(f"Reason for {first.reference}").fill("Another fund suits it better.")
    officer.get_by_label(f"Decision for {second.reference}").select_option(label="Waiting list")
    officer.get_by_label(f"Reason for {second.reference}").fill("Next if money is left.")
    officer.get_by_role("button", name="Record these decisions").click()
    expect(officer.get_by_text("2 decisions recorded.")).to_be_visible()
    _checked(officer, "decisions recorded", problems)

    context.close()

    # The finance officer releases the payment the demo left approved, then
    # types a date that does not exist when recording it paid.
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    finance = context.new_page()
    sign_in(finance, LOGINS["finance officer"])
    finance.goto("/finance/payments/")
    finance.get_by_role("button", name=re.compile("^Release")).first.click()
    card = finance.locator("form.app-card").first
    paid = card.get_by_role("group", name="Paid on")
    paid.get_by_label("Day").fill("31")
    paid.get_by_label("Month").fill("2")
    paid.get_by_label("Year").fill("2027")
    card.get_by_label("Payment reference").fill("BACS-31-FEB")
    card.get_by_role("button", name=re.compile("^Record as paid")).click()
    expect(finance.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    _checked(finance, "a payment refused", problems)
    context.close()

    assert not problems, "\n".join(
        f"{what}\n" + "\n".join(f"    - {problem}" for problem in found)
        for what, found in problems.items()
    )


def test_the_personal_data_pages_are_accessible(page, demo_site):
    """Administrators reach subject access and erasure from the admin's
    people list, which the crawl leaves out: each page is checked here (the
    privacy page is also crawled, from every footer)."""
    sign_in(page, "admin@ashbyvale.example")
    person = User.objects.get(email=LOGINS["applicant"])
    problems = {}
    for path in [
        reverse("personal-data-find") + "?q=ali",
        reverse("personal-data", args=[person.pk]),
        reverse("person-erase", args=[person.pk]),
        reverse("privacy"),
    ]:
        response = page.goto(path)
        found = audit(page)
        if response.status != 200:
            found.insert(0, f"answers HTTP {response.status}")
        if found:
            problems[path] = found
    assert problems == {}


def test_lists_of_support_and_whats_on_pages_are_accessible(page, browser, demo_site):
    """Lists of support and What's on: the pages behind a private link, a
    link worker's and an asset holder's, and those reached only by sending
    a form (an error, a list sent, a list deleted)."""
    problems = {}
    saved, _ = demo_list_paths()
    for path, status in [(saved, 200), (saved + "print/", 200), ("/lists/" + "x" * 43 + "/", 404)]:
        response = page.goto(path)
        found = audit(page)
        if response.status != status:
            found.insert(0, f"answers HTTP {response.status}")
        if found:
            problems[path] = found
    page.goto(saved)
    page.get_by_label("Their e-mail address").fill("not an address")
    page.get_by_role("button", name="Send the list").click()
    _checked(page, "a list sent to a wrong address", problems)
    page.get_by_label("Their e-mail address").fill("carer@example.org")
    page.get_by_role("button", name="Send the list").click()
    expect(page.get_by_text("The list is on its way")).to_be_visible()
    _checked(page, "a list sent", problems)
    page.get_by_role("link", name="Delete this list").click()
    page.get_by_role("button", name="Delete the list").click()
    _checked(page, "a list deleted", problems)
    page.goto(saved)
    _checked(page, "a deleted list's link", problems)

    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    worker = context.new_page()
    sign_in(worker, "linkworker@ashbyvale.example")
    worker.goto(reverse("support_lists:recommended-index"))
    _checked(worker, "recommended lists", problems)
    worker.get_by_role("button", name="Start a list").click()
    _checked(worker, "a list started with no name", problems)
    worker.get_by_label("Who is the list for?").fill("Kim")
    worker.get_by_role("button", name="Start a list").click()
    _checked(worker, "a recommended list", problems)
    lunch_club = Asset.objects.get(name="Old Town lunch club")
    worker.goto(reverse("support_lists:recommend", args=[lunch_club.pk]))
    _checked(worker, "add to a recommended list", problems)
    worker.get_by_role("button", name="Add to the list").click()
    _checked(worker, "add to a recommended list with no list chosen", problems)
    worker.get_by_label("Kim").check()
    worker.get_by_role("button", name="Add to the list").click()
    worker.get_by_role("button", name="Make the private link").click()
    _checked(worker, "a recommended list's private link", problems)
    context.close()

    sign_in(page, LOGINS["applicant"])
    gardens = Asset.objects.get(name="Canal towpath gardens")
    page.goto(reverse("asset-events", args=[gardens.pk]))
    _checked(page, "What's on, for the holder", problems)
    page.goto(reverse("asset-event-add", args=[gardens.pk]))
    _checked(page, "add an event", problems)
    page.get_by_role("button", name="Save the event").click()
    _checked(page, "an event with nothing filled in", problems)

    assert not problems, "\n".join(
        f"{what}\n" + "\n".join(f"    - {problem}" for problem in found)
        for what, found in problems.items()
    )


def test_the_outcomes_pages_are_accessible(page, browser, demo_site):
    """Monitoring and Key Human Indicator pages the crawl cannot reach: the
    grant holder's (the demo applicant holds no grant), the anonymous
    link's (signed out, reached only by the link) and the officer's."""
    award = Award.objects.get(application__organisation__name="Northgate Neighbours")
    lead = User.objects.filter(memberships__organisation__name="Northgate Neighbours").first()
    lead.set_password(DEMO_PASSWORD)
    lead.save()
    link = AnswerLink.objects.get(award=award, closed_at__isnull=True)
    due = award.returns.filter(submitted_at__isnull=True).order_by("due_on").first()
    connections = award.application.round.programme.monitoring_form.instruments.first()
    problems = {}

    def check(on, path, status=200):
        response = on.goto(path)
        found = audit(on)
        if response.status != status:
            found.insert(0, f"answers HTTP {response.status}")
        if found:
            problems[path] = found

    check(page, f"/outcomes/a/{link.token}/")
    check(page, "/outcomes/a/not-a-real-link/", status=404)
    check(page, f"/outcomes/a/{link.token}/thanks/")
    sign_in(page, lead.email)
    check(page, f"/outcomes/returns/{due.pk}/")
    check(page, f"/outcomes/grants/{award.pk}/people/")
    check(page, f"/outcomes/grants/{award.pk}/people/{connections.pk}/enter/")
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    officer = context.new_page()
    sign_in(officer, LOGINS["grants officer"])
    check(officer, f"/outcomes/manage/grants/{award.pk}/")
    context.close()
    assert problems == {}


def test_an_unknown_postcode_explains_the_problem_accessibly(page, demo_site):
    page.goto("/neighbourhoods/")
    page.get_by_label("Your postcode").fill("AV1 1ZZ")
    page.get_by_role("button", name="Find what is near").click()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("We cannot find AV1 1ZZ in the postcode directory")
    href = summary.get_by_role("link").first.get_attribute("href")
    assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{href} leads nowhere"
    assert blocking_violations(page) == []
