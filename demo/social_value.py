"""Demo scoring for Ashby Vale: a published framework, a panel, a grant
round in panel scoring and a tender fully moderated and ranked. Everything
moves through the services, so the audit trail is real too."""

from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from demo.community import DEMO_PASSWORD
from demo.social_value_framework import FRAMEWORK, ILLUSTRATIVE, proxy
from organisations.models import Organisation
from people import roles
from people.models import User
from social_value.models import (
    Call,
    CallKind,
    Commitment,
    Criterion,
    CriterionKind,
    Framework,
    Measure,
    Outcome,
    Panel,
    PanelMember,
    PanelRole,
    Submission,
    Theme,
)
from social_value.services import calls, moderation, panels, scoring
from social_value.services.framework import framework_publish

FRAMEWORK_NAME = "Ashby Vale social value framework"
EXTRA_PANEL = [
    ("community@ashbyvale.example", "Tom", "Evans", PanelRole.COMMUNITY),
    ("member@ashbyvale.example", "Hannah", "Lee", PanelRole.MEMBER),
]


def _framework(officer) -> Framework:
    framework = Framework.objects.filter(name=FRAMEWORK_NAME).order_by("-version").first()
    if framework:
        return framework
    framework = Framework.objects.create(
        name=FRAMEWORK_NAME, description=f"Built on the five PPN 06/20 themes. {ILLUSTRATIVE}"
    )
    for theme_code, theme_name, outcomes in FRAMEWORK:
        theme = Theme.objects.create(framework=framework, code=theme_code, name=theme_name)
        for outcome_code, outcome_name, measures in outcomes:
            outcome = Outcome.objects.create(theme=theme, code=outcome_code, name=outcome_name)
            for code, name, unit, value, evidence, first_year in measures:
                Measure.objects.create(
                    outcome=outcome,
                    code=code,
                    name=name,
                    unit=unit,
                    proxy_value=proxy(value),
                    evidence_required=evidence,
                    first_year_only=first_year,
                )
    return framework_publish(framework=framework, actor=officer)


def commissions_demo_framework() -> Framework:
    return Framework.objects.filter(name=FRAMEWORK_NAME).order_by("-version").first()


def _person(email, first, last) -> User:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
    )
    user.groups.add(Group.objects.get(name=roles.PANEL_MEMBER))
    return user


def _panel(name) -> Panel:
    panel, created = Panel.objects.get_or_create(name=name)
    if created:
        seats = [
            (User.objects.get(email="grants@ashbyvale.example"), PanelRole.CHAIR),
            (User.objects.get(email="panel@ashbyvale.example"), PanelRole.LIVED_EXPERIENCE),
        ] + [(_person(email, first, last), role) for email, first, last, role in EXTRA_PANEL]
        for user, role in seats:
            PanelMember.objects.create(panel=panel, user=user, role=role)
    return panel


CRITERIA_TENDER = [
    (CriterionKind.GATEWAY, "Insurance and CQC registration", 0, False),
    (CriterionKind.SCORED, "Method: how care is organised around each person", 40, False),
    (CriterionKind.SCORED, "Working with community assets and families", 20, False),
    (CriterionKind.SCORED, "Social value commitments", 15, True),
    (CriterionKind.PRICE, "Price", 25, False),
]
PROPOSALS = {
    "Canal Side Community Kitchen": (
        "Lunch club and cook-and-share sessions",
        None,
        {"M6": 120, "M7": 2400},
    ),
    "Heights Together": ("Tenants' drop-in and befriending", None, {"M6": 80, "M7": 1500}),
    "Northgate Neighbours": (
        "Good neighbours scheme for older residents",
        None,
        {"M6": 200, "M7": 3000},
    ),
    "Millfield Shared Lives CIC": (
        "Shared Lives carers for home support",
        Decimal("410000"),
        {"M5": 3, "M6": 60},
    ),
    "Old Town Care Co-operative": (
        "Worker-owned home support",
        Decimal("455000"),
        {"M1": 4, "M5": 2, "M3": 50000},
    ),
    "Vale Home Support Ltd": ("Home support contract", Decimal("380000"), {"M1": 2}),
}


def call_create(title, kind, criteria, framework, panel) -> Call:
    call = Call.objects.create(
        title=title, kind=kind, framework=framework, panel=panel, members_per_submission=3
    )
    for order, (criterion_kind, criterion_title, weight, social) in enumerate(criteria):
        Criterion.objects.create(
            call=call,
            sort_order=order,
            kind=criterion_kind,
            title=criterion_title,
            weight=Decimal(weight),
            is_social_value=social,
            guidance="Look for specific, local evidence rather than general promises.",
        )
    return call


def commitments_add(submission, promises) -> None:
    measures = {
        m.code: m
        for m in Measure.objects.filter(outcome__theme__framework=submission.call.framework)
    }
    for code, quantity in promises.items():
        Commitment.objects.create(
            submission=submission,
            measure=measures[code],
            quantity=Decimal(quantity),
            evidence_note=measures[code].evidence_required,
        )


def _call(title, kind, criteria, framework, panel, organisations) -> Call:
    call = Call.objects.filter(title=title).first()
    if call:
        return call
    call = call_create(title, kind, criteria, framework, panel)
    for number, name in enumerate(organisations, start=1):
        summary, price, promises = PROPOSALS[name]
        submission = Submission.objects.create(
            call=call,
            organisation=Organisation.objects.get(name=name),
            reference=f"T{call.pk}-{number:03d}",
            title=summary,
            price=price,
            submitted_at=timezone.now() - timezone.timedelta(days=20 - number),
            content=f"{summary}.\n\nWho we work with, what we will do week by week, and how "
            "people who use the service shape it.",
        )
        commitments_add(submission, promises)
    return call


def _score_all(call, pattern):
    scored = [c for c in call.criteria.all() if c.kind == CriterionKind.SCORED]
    for index, assignment in enumerate(
        a for s in call.submissions.all() for a in s.assignments.select_related("member__user")
    ):
        user = assignment.member.user
        panels.conflict_declare(assignment=assignment, user=user, conflicted=False)
        entries = {
            c.pk: (pattern[(index + i) % len(pattern)], "Demo score with a reason")
            for i, c in enumerate(scored)
        }
        scoring.scores_save(assignment=assignment, user=user, entries=entries, submit=True)


@transaction.atomic
def demo_social_value_load() -> None:
    """The framework, the panel and a tender that is moderated and ranked."""
    officer = User.objects.get(email="grants@ashbyvale.example")
    commissioner = User.objects.get(email="commissioner@ashbyvale.example")
    framework = _framework(officer)
    panel = _panel("Connected Communities panel")

    tender = _call(
        "Home support in Northgate and The Heights",
        CallKind.TENDER,
        CRITERIA_TENDER,
        framework,
        panel,
        ["Millfield Shared Lives CIC", "Old Town Care Co-operative", "Vale Home Support Ltd"],
    )
    if tender.state == "setup":
        calls.call_open_scoring(call=tender, actor=commissioner)
        panels.assignments_generate(call=tender, actor=commissioner)
        _score_all(tender, [4, 3, 5, 2, 4])
        tender = moderation.call_open_moderation(call=tender, actor=commissioner)
        for number, submission in enumerate(tender.submissions.all()):
            for criterion in tender.criteria.exclude(kind=CriterionKind.PRICE):
                moderation.moderation_record(
                    submission=submission,
                    criterion=criterion,
                    actor=commissioner,
                    passed=True if criterion.kind == CriterionKind.GATEWAY else None,
                    score=None if criterion.kind == CriterionKind.GATEWAY else 3 + number % 3,
                    rationale="Agreed at the moderation meeting",
                )
