"""A small borough built by hand, so every figure of the reports can be
worked out on paper (the sums are written in each test).

Neighbourhoods: Canal Side (2,000 people, two LSOAs scoring 30 and 20),
The Heights (1,000 people, one LSOA scoring 40), Northgate (500 people,
no code). Grants, decided in 2026 unless said:

- G1 Canal Kitchen (charity, user-led, serves Canal Side and The Heights):
  £3,000 from Lunch Clubs, £1,000 paid on 1 June 2026;
- G2 Heights Garden (CIC, led by people with lived experience, The
  Heights): £2,000 from Green Spaces, paid in full on 15 June 2026;
- G3 Vale Co-op (co-operative, serves no neighbourhood): £1,000 approved
  by Green Spaces, no offer yet;
- G4 Canal Trader (sole trader, Canal Side): £500 from Lunch Clubs,
  decided on 1 December 2025;
- Heights Garden's offer of £900 from Lunch Clubs, refused;
- four charities of Canal Side declined by Lunch Clubs; one waiting list
  and one draft, which count nowhere.

Lunch Clubs publishes its grants as 360Giving from 1 January 2026; Green
Spaces publishes none.
"""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from grants.models import Application, Award, Payment, State
from organisations.models import LegalForm, Organisation
from reports.models import DeprivationArea
from social_value.models import Commitment, DeliveryReport, Unit
from tests.grants.factories import ProgrammeFactory, RoundFactory
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import MeasureFactory, SubmissionFactory

LONDON = ZoneInfo("Europe/London")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=LONDON)


class Borough:
    pass


@pytest.fixture
def borough(db):
    b = Borough()
    b.canal = NeighbourhoodFactory(
        name="Canal Side", population=2000, ons_codes=["E01000001", "E01000002"]
    )
    b.heights = NeighbourhoodFactory(name="The Heights", population=1000, ons_codes=["E01000003"])
    b.northgate = NeighbourhoodFactory(name="Northgate", population=500, ons_codes=[])
    for code, score in (("E01000001", 30), ("E01000002", 20), ("E01000003", 40)):
        DeprivationArea.objects.create(code=code, score=Decimal(score))

    b.lunch = ProgrammeFactory(name="Lunch Clubs", publish_360giving_from=date(2026, 1, 1))
    b.green = ProgrammeFactory(name="Green Spaces")
    b.lunch_round = RoundFactory(programme=b.lunch, title="Lunch Clubs 2026")
    b.green_round = RoundFactory(programme=b.green, title="Green Spaces 2026")
    applicant = UserFactory()

    def organisation(name, legal_form, places, **flags):
        org = Organisation.objects.create(name=name, legal_form=legal_form, **flags)
        org.neighbourhoods.set(places)
        return org

    b.kitchen = organisation(
        "Canal Kitchen", LegalForm.CHARITY, [b.canal, b.heights], user_led=True
    )
    b.garden = organisation("Heights Garden", LegalForm.CIC, [b.heights], lived_experience_led=True)
    b.coop = organisation("Vale Co-op", LegalForm.COOPERATIVE, [])
    b.trader = organisation("Canal Trader", LegalForm.SOLE_TRADER, [b.canal])

    count = iter(range(1, 100))

    def application(round_, org, state, *, decided=None, approved=None, title="Project"):
        n = next(count)
        return Application.objects.create(
            round=round_,
            organisation=org,
            created_by=applicant,
            reference=f"AV-{n:04d}",
            project_title=title,
            amount_requested=approved or Decimal(1000),
            state=state,
            submitted_at=_at(date(2026, 3, 1)) if state != State.DRAFT else None,
            decided_at=_at(decided) if decided else None,
            approved_amount=approved,
        )

    def award(app, amount):
        return Award.objects.create(
            application=app, amount=amount, starts_on=date(2026, 6, 1), ends_on=date(2027, 5, 31)
        )

    may = date(2026, 5, 10)
    b.g1 = application(b.lunch_round, b.kitchen, State.ACTIVE, decided=may, approved=Decimal(3000))
    b.g1_award = award(b.g1, Decimal(3000))
    Payment.objects.create(
        award=b.g1_award, due_on=date(2026, 6, 1), amount=Decimal(1000), paid_on=date(2026, 6, 1)
    )
    Payment.objects.create(award=b.g1_award, due_on=date(2026, 12, 1), amount=Decimal(2000))
    b.g2 = application(b.green_round, b.garden, State.ACTIVE, decided=may, approved=Decimal(2000))
    b.g2_award = award(b.g2, Decimal(2000))
    Payment.objects.create(
        award=b.g2_award, due_on=date(2026, 6, 15), amount=Decimal(2000), paid_on=date(2026, 6, 15)
    )
    b.g3 = application(b.green_round, b.coop, State.APPROVED, decided=may, approved=Decimal(1000))
    b.g4 = application(
        b.lunch_round, b.trader, State.ACTIVE, decided=date(2025, 12, 1), approved=Decimal(500)
    )
    award(b.g4, Decimal(500))
    application(b.lunch_round, b.garden, State.REFUSED, decided=may, approved=Decimal(900))
    for i in range(4):
        charity = organisation(f"Canal Charity {i}", LegalForm.CHARITY, [b.canal])
        application(b.lunch_round, charity, State.DECLINED, decided=may)
    waiting = organisation("Waiting Group", LegalForm.CHARITY, [b.northgate])
    application(b.lunch_round, waiting, State.WAITLISTED)
    drafting = organisation("Drafting Group", LegalForm.CHARITY, [b.northgate])
    application(b.lunch_round, drafting, State.DRAFT)

    # Social value promised with G1 and G2, and delivered against it.
    hours = MeasureFactory(name="Volunteering hours", unit=Unit.HOURS, proxy_value=Decimal(15))
    jobs = MeasureFactory(
        name="Jobs for people with lived experience", unit=Unit.FTE, proxy_value=Decimal(10000)
    )
    local = MeasureFactory(name="Local spend", unit=Unit.POUNDS, proxy_value=Decimal("0.25"))

    def submission(app):
        sub = SubmissionFactory(call=app.round.call, organisation=app.organisation)
        Application.objects.filter(pk=app.pk).update(submission=sub)
        return sub

    g1_sub, g2_sub = submission(b.g1), submission(b.g2)
    volunteering = Commitment.objects.create(submission=g1_sub, measure=hours, quantity=100)
    Commitment.objects.create(submission=g1_sub, measure=local, quantity=2000)
    job = Commitment.objects.create(submission=g2_sub, measure=jobs, quantity=1)
    for commitment, quantity, ends in (
        (volunteering, 40, date(2026, 9, 30)),
        (volunteering, 20, date(2027, 3, 31)),
        (job, Decimal("0.5"), date(2026, 12, 31)),
    ):
        DeliveryReport.objects.create(
            commitment=commitment,
            period_start=date(ends.year, ends.month, 1),
            period_end=ends,
            quantity_delivered=quantity,
            evidence="Timesheets",
            reported_by=applicant,
        )
    return b
