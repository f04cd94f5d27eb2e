"""A demo contract under way, and its monitoring: Old Town Care
Co-operative has visited older people at home in Old Town for four months under a
three-year contract. It is held to two indicators, its bid promised social
value, its monitoring form asks two questions of its own, returns are due
every quarter, and the first has been sent.

The tender that led to it was decided before the demo begins, so it is
recorded as it stood (contracted), not replayed through today's services;
the monitoring is set and filed through them."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commissioning.models import (
    Bid,
    BidState,
    BidVersion,
    Commission,
    Contract,
    KeyPerformanceIndicator,
    Lot,
    Option,
    Tender,
    TenderState,
)
from commissioning.services.appraisal import appraisal_record
from demo.social_value import (
    CRITERIA_TENDER,
    call_create,
    commissions_demo_framework,
    commitments_add,
)
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation
from outcomes.models import MonitoringForm
from outcomes.services.contract_returns import contract_return_add, contract_return_file
from people.models import User
from social_value.models import CallKind, Panel, Submission

TITLE = "Home visiting in Old Town"
SUPPLIER = "Old Town Care Co-operative"
PEOPLE_VISITED = "e7c1a0b2-0000-4000-8000-000000000001"
WHAT_PEOPLE_SAY = "e7c1a0b2-0000-4000-8000-000000000002"
QUESTIONS = [
    {
        "type": "number",
        "id": PEOPLE_VISITED,
        "value": {
            "label": "How many people did you visit at home for the first time?",
            "help_text": "",
            "required": True,
            "min_value": 0,
            "max_value": None,
        },
    },
    {
        "type": "long_text",
        "id": WHAT_PEOPLE_SAY,
        "value": {
            "label": "What do the people you visit say about it?",
            "help_text": "In their words, without names.",
            "required": False,
            "word_limit": 200,
        },
    },
]


def _lead(organisation) -> User:
    """Who files the co-operative's returns (signs in once given a password)."""
    lead = User.objects.filter(memberships__organisation=organisation).first()
    if lead is None:
        lead = User.objects.create_user(
            email=f"{organisation.pk}.lead@ashbyvale.example",
            password=None,
            first_name="Co-op",
            last_name="Lead",
        )
        organisation.memberships.create(user=lead, role="admin")
    return lead


def _contract(commissioner) -> Contract:
    today, now = timezone.localdate(), timezone.now()
    commission = Commission.objects.create(
        title="Visiting older people at home in Old Town",
        need="Older people in Old Town who rarely go out want a regular visitor who "
        "knows what is on nearby.",
        created_by=commissioner,
    )
    commission.neighbourhoods.set(Neighbourhood.objects.filter(name="Old Town"))
    appraisal_record(
        commission=commission,
        actor=commissioner,
        assets_considered="The care co-operative, the Old Town tea dances, two lunch clubs.",
        community_answer="With us: the co-operative's members already visit; they need paid time.",
        options_considered=[Option.GRANT, Option.TENDER],
        chosen=Option.TENDER,
        reason="Visiting at home for three years needs a contract with trained, insured visitors.",
    )
    call = call_create(
        TITLE,
        CallKind.TENDER,
        CRITERIA_TENDER,
        commissions_demo_framework(),
        Panel.objects.get(name="Connected Communities panel"),
    )
    starts = today - timedelta(days=120)
    tender = Tender.objects.create(
        commission=commission,
        title=TITLE,
        description="Regular home visits for older people in Old Town.",
        estimated_value=Decimal(150000),
        procedure="open",
        clarification_deadline=now - timedelta(days=230),
        submission_deadline=now - timedelta(days=220),
        expected_award=starts - timedelta(days=60),
        contract_starts=starts,
        contract_ends=starts + timedelta(days=3 * 365),
        call=call,
        state=TenderState.CONTRACTED,
    )
    lot = Lot.objects.create(tender=tender, number=1, title="Old Town", estimated_value=150000)
    organisation = Organisation.objects.get(name=SUPPLIER)
    lead = _lead(organisation)
    submission = Submission.objects.create(
        call=call,
        organisation=organisation,
        reference=f"T{call.pk}-001",
        title="Worker-owners visiting at home",
        price=Decimal(141000),
        submitted_at=now - timedelta(days=221),
        content="Care workers who own the co-operative and live in Old Town visit weekly "
        "and bring people along to what is on nearby.",
    )
    commitments_add(submission, {"M5": 2, "M6": 80})
    bid = Bid.objects.create(
        tender=tender,
        lot=lot,
        organisation=organisation,
        reference=f"HV-{tender.pk}-1",
        draft_price=Decimal(141000),
        state=BidState.SUCCESSFUL,
        submission=submission,
        outcome_reason="The highest moderated score, with the most social value.",
    )
    BidVersion.objects.create(
        bid=bid,
        number=1,
        answers={},
        price=Decimal(141000),
        submitted_by=lead,
        submitted_at=now - timedelta(days=221),
    )
    lot.winner, lot.award_reason = bid, bid.outcome_reason
    lot.save(update_fields=["winner", "award_reason"])
    contract = Contract.objects.create(
        lot=lot,
        bid=bid,
        supplier=organisation,
        value=Decimal(141000),
        starts_on=starts,
        ends_on=tender.contract_ends,
        recorded_by=commissioner,
        recorded_at=now - timedelta(days=130),
    )
    for measure, target, unit in [
        ("Older people visited at home each quarter", 60, "people"),
        ("People who joined something nearby", 25, "people"),
    ]:
        KeyPerformanceIndicator.objects.create(
            contract=contract, measure=measure, target=Decimal(target), unit=unit
        )
    return contract


@transaction.atomic
def demo_contract_monitoring_load() -> None:
    if Tender.objects.filter(title=TITLE).exists():
        return
    commissioner = User.objects.get(email="commissioner@ashbyvale.example")
    contract = _contract(commissioner)
    MonitoringForm.objects.create(contract=contract, questions=QUESTIONS)
    first, _ = (
        contract_return_add(
            contract=contract, due_on=contract.starts_on + timedelta(days=days), actor=commissioner
        )
        for days in (91, 182)
    )
    lead = User.objects.filter(memberships__organisation=contract.supplier).first()
    commitments = list(contract.bid.submission.commitments.order_by("pk"))
    contract_return_file(
        contract_return=first,
        actor=lead,
        narrative="Four care workers began visiting in the first month; the tea dances now "
        "send a car for two people we visit.",
        spend_to_date=Decimal("11500.00"),
        delivered={commitments[-1].pk: (Decimal(18), "Visit records")},
        achieved={
            indicator.pk: Decimal(amount)
            for indicator, amount in zip(contract.indicators.all(), (41, 9), strict=True)
        },
        answers={PEOPLE_VISITED: 41, WHAT_PEOPLE_SAY: "Someone knocks on Tuesdays now."},
    )
