"""Demo money out: the Warm Spaces Fund asks for every due diligence check
and has its grants signed on the borough's standard agreement. Canal Side
Community Kitchen (the demo applicant) has an offer with its agreement to
accept; Millfield Shared Lives CIC has claimed its first instalment, waiting
for a grants officer; Northgate Neighbours is approved with two checks to go."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from demo.grants import _apply, _bank_details_verified, _round
from demo.social_value import call_create
from finance.models import AgreementTemplate, DueDiligenceCheck, ProgrammeFinance
from finance.services import agreements, claims, due_diligence
from grants.models import Programme, Round
from grants.services import assessment, awards
from people.models import User
from social_value.models import CallKind, CriterionKind, Framework, Panel

PROGRAMME = "Warm Spaces Fund"
CRITERIA = [
    (CriterionKind.GATEWAY, "Eligible organisation, safeguarding policy in place", 0, False),
    (CriterionKind.SCORED, "Need: who it keeps warm and connected", 70, False),
    (CriterionKind.SCORED, "Social value: connections, volunteering, local spend", 30, True),
]
NOTES = {
    DueDiligenceCheck.GOVERNING_DOCUMENT: "Constitution adopted at the last AGM, seen",
    DueDiligenceCheck.SAFEGUARDING: "Safeguarding policy reviewed this year, named lead",
    DueDiligenceCheck.INSURANCE: "Public liability £5m, renewed until next spring",
    DueDiligenceCheck.ACCOUNTS: "Last year's accounts, independently examined",
    DueDiligenceCheck.REGISTRATION: "Checked on the register today: active",
}
EVIDENCE = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _checks_done(application, officer, kinds):
    organisation = application.organisation
    for kind in kinds:
        due_diligence.due_diligence_record(
            application=application,
            actor=officer,
            kind=kind,
            note=NOTES[kind],
            register_number=organisation.charity_number or organisation.company_number,
            registered_as=organisation.name.upper(),
        )


def _offer(application, officer, start):
    return awards.offer_send(
        application=application,
        actor=officer,
        starts_on=start,
        ends_on=start + timedelta(days=364),
        payments=[(start, Decimal("2000")), (start + timedelta(days=182), Decimal("2000"))],
        return_dates=[start + timedelta(days=182), start + timedelta(days=364)],
    )


@transaction.atomic
def demo_finance_load() -> None:
    if Programme.objects.filter(name=PROGRAMME).exists():
        return
    officer = User.objects.get(email="grants@ashbyvale.example")
    finance = User.objects.get(email="payments@ashbyvale.example")
    template = AgreementTemplate.objects.create(
        name="Ashby Vale standard grant agreement",
        title="Grant agreement",
        introduction="This agreement is between Ashby Vale Borough Council and the grantee "
        "named below. It sets out what the grant is for, when it is paid and what the "
        "grantee promises in return.",
        conditions="Keep receipts and records of what the grant paid for for six years.\n\n"
        "Tell us within ten working days of any change to your bank details, your "
        "safeguarding lead or your governing body.\n\n"
        "Credit Ashby Vale Borough Council in what you publish about the project.",
        closing="If either side breaks this agreement, the other may end it by writing, and "
        "any money not yet spent on the project is repaid.",
    )
    programme = Programme.objects.create(
        name=PROGRAMME,
        budget=Decimal("60000"),
        owner=officer,
        outcomes_sought="Nobody spends winter cold and alone: warm, welcoming places in "
        "every neighbourhood.",
    )
    ProgrammeFinance.objects.create(programme=programme, agreement_template=template)
    framework = Framework.objects.filter(state="published").order_by("-version").first()
    panel = Panel.objects.get(name="Connected Communities panel")
    now = timezone.now()
    title = "Warm Spaces Fund, autumn round"
    round_ = _round(
        title,
        programme,
        call_create(title, CallKind.GRANT_ROUND, CRITERIA, framework, panel),
        now - timedelta(days=30),
        now + timedelta(days=1),
    )
    applied = {}
    for name, project in (
        ("Canal Side Community Kitchen", "Warm lunches through the winter"),
        ("Millfield Shared Lives CIC", "Warm Wednesdays at the day centre"),
        ("Northgate Neighbours", "A warm room and a hot drink"),
    ):
        applied[name] = _apply(round_, name, project, Decimal("4000"), officer, "panel")
    Round.objects.filter(pk=round_.pk).update(
        opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=20)
    )
    assessment.decisions_record(
        round_=round_,
        actor=officer,
        decisions=[
            assessment.Decision(application.pk, "approve", "Warm and welcoming", Decimal("4000"))
            for application, _member in applied.values()
        ],
    )
    start = timezone.localdate() + timedelta(days=7)

    # Canal Side: every check done, the offer sent with its agreement to accept.
    kitchen, _ = applied["Canal Side Community Kitchen"]
    kitchen.refresh_from_db()
    _checks_done(kitchen, officer, list(DueDiligenceCheck))
    _offer(kitchen, officer, start)

    # Millfield: agreement accepted, bank details verified, first instalment claimed.
    millfield, member = applied["Millfield Shared Lives CIC"]
    millfield.refresh_from_db()
    _checks_done(millfield, officer, list(DueDiligenceCheck))
    award = _offer(millfield, officer, timezone.localdate() - timedelta(days=14))
    agreement = award.agreement
    agreements.agreement_accept(
        agreement=agreement,
        actor=member,
        name="Jo Barnes",
        role="Director",
        ip="192.0.2.10",
        shown_sha256=agreement.sha256,
    )
    _bank_details_verified(millfield.organisation, member, finance, "20-00-00", "55779911")
    claims.claim_submit(
        payment=award.payments.order_by("due_on").first(),
        actor=member,
        spend={
            "Volunteer expenses and training": Decimal("1200"),
            "Room hire and materials": Decimal("800"),
        },
        evidence=ContentFile(EVIDENCE, name="invoices-and-receipts.pdf"),
    )

    # Northgate: approved; two checks recorded, three to go before the offer.
    northgate, _ = applied["Northgate Neighbours"]
    northgate.refresh_from_db()
    _checks_done(
        northgate,
        officer,
        [DueDiligenceCheck.GOVERNING_DOCUMENT, DueDiligenceCheck.SAFEGUARDING],
    )
