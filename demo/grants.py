"""Demo grants for Ashby Vale: an open round with applications at several
stages and the panel scoring, and last year's round with a grant under way
(one monitoring return late). Everything moves through the services."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from demo.social_value import call_create, commitments_add
from finance.services import payments
from grants.models import Programme, Round
from grants.services import applying, assessment, awards
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, Organisation
from organisations.services import bank_details
from people.models import User
from social_value.models import CallKind, CriterionKind, Framework, Panel
from social_value.services import calls, panels

PROGRAMME = "Connected Communities Fund"
CRITERIA = [
    (CriterionKind.GATEWAY, "Eligible organisation, safeguarding policy in place", 0, False),
    (CriterionKind.SCORED, "Need: the difference it makes in the neighbourhood", 40, False),
    (CriterionKind.SCORED, "Led by the people it serves", 30, False),
    (CriterionKind.SCORED, "Social value: connections, volunteering, local spend", 30, True),
]
QUESTIONS = [
    (
        "long_text",
        {
            "label": "What will you do, and with whom?",
            "word_limit": 300,
            "help_text": "Tell us in your own words. Bullet points are fine.",
        },
    ),
    ("long_text", {"label": "How do the people you work with shape it?", "word_limit": 200}),
    (
        "single_choice",
        {
            "label": "Which best describes your project?",
            "choices": [
                "Food and sharing meals",
                "Befriending and visiting",
                "Arts, crafts and making",
                "Sport and being active",
                "Something else",
            ],
        },
    ),
    ("yes_no", {"label": "Do you have a safeguarding policy?"}),
    (
        "budget_table",
        {
            "label": "Your budget",
            "help_text": "List what the grant pays for. It must add up to the amount you ask for.",
        },
    ),
    (
        "file",
        {
            "label": "Your latest accounts or bank statement",
            "required": False,
            "allowed_types": ["pdf", "docx", "xlsx"],
            "max_size_mb": 10,
        },
    ),
]
APPLICANTS = [
    ("Canal Side Community Kitchen", "Cook-and-share lunch club", Decimal("6000"), None),
    ("Heights Together", "Tenants' befriending circle", Decimal("4500"), "panel"),
    ("Northgate Neighbours", "Good neighbours for older residents", Decimal("8000"), "panel"),
    ("Millfield Shared Lives CIC", "Shared Lives open days", Decimal("3000"), "assessment"),
]


def _questions():
    return [(kind, {"help_text": "", "required": True, **value}) for kind, value in QUESTIONS]


def _answers(round_, amount, title):
    answers = {}
    for block in round_.questions:
        key, kind = str(block.id), block.block_type
        if kind == "long_text":
            answers[key] = f"{title}: weekly sessions run by local volunteers."
        elif kind == "single_choice":
            answers[key] = block.value["choices"][0]
        elif kind == "yes_no":
            answers[key] = True
        elif kind == "budget_table":
            answers[key] = [
                {"item": "Volunteer expenses and training", "amount": f"{amount / 2:.2f}"},
                {"item": "Room hire and materials", "amount": f"{amount / 2:.2f}"},
            ]
    return answers


def _round(title, programme, call, opens_at, closes_at) -> Round:
    round_ = Round.objects.filter(title=title).first()
    if round_:
        return round_
    round_ = Round.objects.create(
        programme=programme,
        title=title,
        slug=title.lower().replace(" ", "-").replace(",", ""),
        description="Small grants for groups that help neighbours stay connected.",
        opens_at=opens_at,
        closes_at=closes_at,
        budget=Decimal("40000"),
        minimum_award=Decimal("500"),
        maximum_award=Decimal("10000"),
        allowed_legal_forms=[
            LegalForm.CHARITY,
            LegalForm.CIO,
            LegalForm.CIC,
            LegalForm.UNINCORPORATED_GROUP,
            LegalForm.COMMUNITY_BENEFIT_SOCIETY,
        ],
        maximum_annual_income=Decimal("250000"),
        call=call,
        questions=_questions(),
    )
    round_.neighbourhoods.set(Neighbourhood.objects.all())
    return round_


def _apply(round_, name, title, amount, officer, stage):
    organisation = Organisation.objects.get(name=name)
    member = User.objects.filter(memberships__organisation=organisation).first()
    if member is None:
        member = User.objects.create_user(
            email=f"{organisation.pk}.lead@ashbyvale.example",
            password=None,
            first_name="Group",
            last_name="Lead",
        )
        organisation.memberships.create(user=member, role="admin")
    application = applying.application_start(round_=round_, organisation=organisation, actor=member)
    answers = _answers(round_, amount, title)
    if stage is None:
        # The demo applicant's draft still has a question to answer.
        answers.pop(str(round_.questions[1].id))
    application = applying.application_save(
        application=application,
        actor=member,
        expected_version=application.version,
        changes=applying.DraftChanges(title, amount, Decimal("60000"), answers, {}),
    )
    if stage is None:
        return application, member
    application = applying.application_submit(application=application, actor=member)
    assessment.eligibility_decide(
        application=application, actor=officer, eligible=True, reason="Meets the rules"
    )
    if stage == "panel":
        application = assessment.panel_send(application=application, actor=officer)
        commitments_add(application.submission, {"M6": 60, "M7": 1200})
    return application, member


def _bank_details_verified(organisation, admin, officer, sort_code, account_number):
    details = bank_details.bank_details_save(
        organisation=organisation,
        actor=admin,
        account_holder=organisation.name[:70],
        sort_code=sort_code.replace("-", ""),
        account_number=account_number,
    )
    bank_details.bank_details_verify(
        bank_details=details, actor=officer, note="Rang the number on our records"
    )


@transaction.atomic
def demo_grants_load() -> None:
    if Programme.objects.filter(name=PROGRAMME).exists():
        return
    officer = User.objects.get(email="grants@ashbyvale.example")
    framework = Framework.objects.filter(state="published").order_by("-version").first()
    panel = Panel.objects.get(name="Connected Communities panel")
    programme = Programme.objects.create(
        name=PROGRAMME,
        budget=Decimal("120000"),
        owner=officer,
        outcomes_sought="More people with friends, neighbours and family around them; "
        "more groups run by the people they serve.",
        # Published as 360Giving open data since the fund began.
        publish_360giving_from=timezone.localdate() - timedelta(days=730),
    )
    now = timezone.now()
    current = _round(
        "Connected Communities Fund, round 2",
        programme,
        call_create(
            "Connected Communities Fund, round 2", CallKind.GRANT_ROUND, CRITERIA, framework, panel
        ),
        now - timedelta(days=20),
        now + timedelta(days=12),
    )
    for name, title, amount, stage in APPLICANTS:
        _apply(current, name, title, amount, officer, stage)
    # Heights Together has just changed its bank details: staff have to ring.
    heights = Organisation.objects.get(name="Heights Together")
    bank_details.bank_details_save(
        organisation=heights,
        actor=User.objects.filter(memberships__organisation=heights).first(),
        account_holder="Heights Together",
        sort_code="201575",
        account_number="12345678",
    )
    # The demo applicant's kitchen has given its bank details, already checked.
    _bank_details_verified(
        Organisation.objects.get(name="Canal Side Community Kitchen"),
        User.objects.get(email="applicant@ashbyvale.example"),
        officer,
        "30-94-30",
        "00733445",
    )
    calls.call_open_scoring(call=current.call, actor=officer)
    panels.assignments_generate(call=current.call, actor=officer)

    # Last year's round: its grant is active, with one return late.
    past_call = call_create(
        "Connected Communities Fund, round 1", CallKind.GRANT_ROUND, CRITERIA, framework, panel
    )
    with_time = now - timedelta(days=400)
    past = _round(
        "Connected Communities Fund, round 1",
        programme,
        past_call,
        with_time - timedelta(days=30),
        with_time,
    )
    Round.objects.filter(pk=past.pk).update(
        opens_at=now - timedelta(days=30), closes_at=now + timedelta(days=1)
    )
    past.refresh_from_db()
    application, member = _apply(
        past, "Northgate Neighbours", "Tea and talk afternoons", Decimal("5000"), officer, "panel"
    )
    Round.objects.filter(pk=past.pk).update(
        opens_at=with_time - timedelta(days=30), closes_at=with_time
    )
    assessment.decisions_record(
        round_=past,
        actor=officer,
        decisions=[
            assessment.Decision(application.pk, "approve", "Strong local support", Decimal("5000"))
        ],
    )
    start = timezone.localdate() - timedelta(days=300)
    award = awards.offer_send(
        application=application,
        actor=officer,
        starts_on=start,
        ends_on=start + timedelta(days=365),
        payments=[(start, Decimal("3000")), (start + timedelta(days=180), Decimal("2000"))],
        return_dates=[
            start + timedelta(days=180),
            start + timedelta(days=270),
            start + timedelta(days=365),
        ],
    )
    awards.offer_accept(application=application, actor=member, signed_name="Group Lead")
    # Its bank details were checked by telephone; the grants officer approved
    # the first instalment and the finance team released it.
    releaser = User.objects.get(email="payments@ashbyvale.example")
    _bank_details_verified(application.organisation, member, releaser, "40-22-19", "31926819")
    first, second = award.payments.order_by("due_on")
    awards.payment_approve(payment=first, actor=officer)
    payments.payment_release(payment=first, actor=releaser)
    payments.payment_paid_record(
        payment=first, actor=releaser, paid_on=start, reference="BACS-DEMO-001"
    )
    # The second is approved and waits for Femi, of the finance team, to release it.
    awards.payment_approve(payment=second, actor=officer)
    awards.monitoring_return_submit(
        monitoring_return=award.returns.first(),
        actor=member,
        narrative="Twenty afternoons so far, forty regulars.",
        spend_to_date=Decimal("2600"),
        outcomes="People say they feel less alone.",
        connections_helped=40,
    )
