"""Demo data for the reports: the deprivation scores of Ashby Vale's wards
(made up, in the shape of the English Indices of Deprivation), and two
years of a second fund whose applications and grants are spread over the
neighbourhoods and types of organisation, with payments and social value
promised and delivered. Northgate applies little, so the success rates
show who the funds do not reach. Loaded once; a second run changes nothing.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from demo.grants import CRITERIA
from demo.social_value import call_create
from grants.models import Application, Award, Payment, Programme, Round, State
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, Organisation
from people.models import User
from reports.deprivation import deprivation_rows
from reports.models import DeprivationArea
from reports.services.deprivation import deprivation_load
from social_value.models import (
    CallKind,
    Commitment,
    DeliveryReport,
    Framework,
    Measure,
    Panel,
    Submission,
)

PROGRAMME = "Neighbourhood Assets Fund"
DEPRIVATION = Path(__file__).parent / "data" / "ashby_vale_deprivation.csv"
LONDON = ZoneInfo("Europe/London")
F = LegalForm
# name, legal form, neighbourhoods served, user-led, led by lived experience
GROUPS = [
    ("Canal Side Boxing Club", F.CHARITY, ["Canal Side"], True, False),
    ("Lock Keepers Allotment Society", F.COMMUNITY_BENEFIT_SOCIETY, ["Canal Side"], True, False),
    ("Towpath Menders", F.UNINCORPORATED_GROUP, ["Canal Side"], True, True),
    ("Canal Side Repair Cafe", F.SOCIAL_ENTERPRISE, ["Canal Side", "Old Town"], False, True),
    ("Narrowboat Dads", F.UNINCORPORATED_GROUP, ["Canal Side"], True, True),
    ("Heights Tenants Forum", F.UNINCORPORATED_GROUP, ["The Heights"], True, True),
    ("Rec Ground Youth Football", F.CHARITY, ["The Heights"], False, False),
    ("Tower Block Gardeners", F.COOPERATIVE, ["The Heights"], True, False),
    ("Heights Recovery Cafe", F.SOCIAL_ENTERPRISE, ["The Heights"], True, True),
    ("Parade Barbers Community Chair", F.MICRO_ENTERPRISE, ["The Heights"], False, True),
    ("Old Town Market Traders Mutual", F.MUTUAL, ["Old Town"], False, False),
    ("Chapel Street Choir", F.CHARITY, ["Old Town"], False, False),
    ("Station Square Arts", F.CHARITY, ["Old Town"], False, False),
    ("Old Town Bike Kitchen", F.MICRO_ENTERPRISE, ["Old Town"], False, True),
    ("Market Hall Lunch Club", F.UNINCORPORATED_GROUP, ["Old Town"], True, False),
    ("Millfield Mill Heritage Trust", F.CHARITY, ["Millfield"], False, False),
    ("Millfield Deaf Club", F.CHARITY, ["Millfield"], True, True),
    ("Community Centre Tea Dance", F.UNINCORPORATED_GROUP, ["Millfield"], True, False),
    ("Mill Lane Childminders Co-op", F.COOPERATIVE, ["Millfield"], True, False),
    ("Northgate Bowls Club", F.CHARITY, ["Northgate"], False, False),
    ("Ring Road Walkers", F.SOLE_TRADER, ["Northgate"], False, False),
]
# What became of each application, in turn: most decided, some funded.
OUTCOMES = [
    State.ACTIVE,
    State.DECLINED,
    State.COMPLETED,
    State.ACTIVE,
    State.INELIGIBLE,
    State.DECLINED,
    State.ACTIVE,
]


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=LONDON)


def _group(name, legal_form, places, user_led, lived) -> Organisation:
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name,
            legal_form=legal_form,
            user_led=user_led,
            lived_experience_led=lived,
            postcode="AV1 2AB",
        )
        organisation.neighbourhoods.set(Neighbourhood.objects.filter(name__in=places))
    return organisation


def _round(programme, year, framework, panel) -> Round:
    title = f"{PROGRAMME} {year}"
    call = call_create(title, CallKind.GRANT_ROUND, CRITERIA, framework, panel)
    round_ = Round.objects.create(
        programme=programme,
        title=title,
        slug=f"neighbourhood-assets-fund-{year}",
        description="Grants that help groups look after and grow what a neighbourhood has.",
        opens_at=_at(date(year, 1, 6)),
        closes_at=_at(date(year, 2, 28)),
        budget=Decimal("90000"),
        minimum_award=Decimal("500"),
        maximum_award=Decimal("8000"),
        call=call,
    )
    round_.neighbourhoods.set(Neighbourhood.objects.all())
    return round_


def _social_value(application, measures, delivered_until: date, promised: dict) -> None:
    submission = Submission.objects.create(
        call=application.round.call,
        organisation=application.organisation,
        reference=application.reference,
        title=application.project_title,
        content="What we will do, with whom, and how we will show it.",
        submitted_at=application.submitted_at,
    )
    Application.objects.filter(pk=application.pk).update(submission=submission)
    for code, quantity in promised.items():
        commitment = Commitment.objects.create(
            submission=submission,
            measure=measures[code],
            quantity=Decimal(quantity),
            delivery_starts=delivered_until - timedelta(days=180),
        )
        # Six months delivered against a year promised, a little under half.
        DeliveryReport.objects.create(
            commitment=commitment,
            period_start=delivered_until - timedelta(days=180),
            period_end=delivered_until,
            quantity_delivered=(Decimal(quantity) * Decimal("0.45")).quantize(Decimal("0.01")),
            evidence="Timesheets and receipts kept by the group.",
            reported_by=application.created_by,
        )


@transaction.atomic
def demo_reports_load() -> None:
    if not DeprivationArea.objects.exists():
        lines = DEPRIVATION.read_text(encoding="utf-8").splitlines()
        deprivation_load(rows=deprivation_rows(lines))
    if Programme.objects.filter(name=PROGRAMME).exists():
        return
    officer = User.objects.get(email="grants@ashbyvale.example")
    framework = Framework.objects.filter(state="published").order_by("-version").first()
    panel = Panel.objects.get(name="Connected Communities panel")
    measures = {m.code: m for m in Measure.objects.filter(outcome__theme__framework=framework)}
    programme = Programme.objects.create(
        name=PROGRAMME,
        budget=Decimal("180000"),
        owner=officer,
        outcomes_sought="Buildings, land and groups that neighbours run themselves.",
        publish_360giving_from=date(2025, 1, 1),
    )
    groups = [_group(*spec) for spec in GROUPS]
    turn = 0
    for year in (2025, 2026):
        round_ = _round(programme, year, framework, panel)
        decided = date(year, 4, 15)
        for n, organisation in enumerate(groups):
            state = OUTCOMES[turn % len(OUTCOMES)]
            turn += 1
            amount = Decimal(1500 + (n * 370) % 6000)
            funded = state in (State.ACTIVE, State.COMPLETED)
            application = Application.objects.create(
                round=round_,
                organisation=organisation,
                created_by=officer,
                reference=f"NAF-{year}-{n + 1:03d}",
                project_title=f"{organisation.name}: growing what we have",
                amount_requested=amount,
                state=state,
                submitted_at=_at(date(year, 2, 20)),
                decided_at=_at(decided),
                approved_amount=amount if funded else None,
                decision_reason="Decided by the panel",
            )
            if not funded:
                continue
            award = Award.objects.create(
                application=application,
                amount=amount,
                starts_on=date(year, 5, 1),
                ends_on=date(year + 1, 4, 30),
                accepted_at=_at(date(year, 4, 25)),
            )
            half = (amount / 2).quantize(Decimal("0.01"))
            Payment.objects.create(
                award=award,
                due_on=date(year, 5, 1),
                amount=half,
                approved_at=_at(date(year, 4, 28)),
                paid_on=date(year, 5, 1),
                reference=f"BACS-NAF-{year}-{n + 1:03d}",
            )
            Payment.objects.create(award=award, due_on=date(year, 11, 1), amount=amount - half)
            _social_value(
                application,
                measures,
                date(year, 10, 31),
                {"M7": 40 + n * 10, "M5": "0.5" if n % 3 == 0 else "0.2", "M3": 300 + n * 50},
            )
