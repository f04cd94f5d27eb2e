"""Demo commissioning for Ashby Vale: a commission with its options
appraisal and a tender open for bids on two lots, one bid already in."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from commissioning.models import Commission, Lot, Option, Tender, TenderDocument
from commissioning.services.appraisal import appraisal_record
from commissioning.services.bids import bid_save, bid_start, bid_submit
from commissioning.services.tenders import (
    tender_approve,
    tender_publish,
    tender_send_for_approval,
)
from demo.social_value import CRITERIA_TENDER, call_create, commissions_demo_framework
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation
from people.models import User
from social_value.models import CallKind, Panel

TITLE = "Community connectors for Millfield and Northgate"
SPECIFICATION = (
    b"%PDF-1.4\n% Community connectors: two part-time connectors per neighbourhood, "
    b"working with the groups already there.\n%%EOF\n"
)


@transaction.atomic
def demo_commissioning_load() -> None:
    _commission_being_set_up()
    if Tender.objects.filter(title=TITLE).exists():
        return
    commissioner = User.objects.get(email="commissioner@ashbyvale.example")
    commission = Commission.objects.create(
        title="Help older people stay connected",
        need="Older people in Millfield and Northgate tell us they are lonely after a "
        "bereavement or a move, and do not know what is on nearby.",
        created_by=commissioner,
    )
    commission.neighbourhoods.set(Neighbourhood.objects.filter(name__in=["Millfield", "Northgate"]))
    appraisal_record(
        commission=commission,
        actor=commissioner,
        assets_considered="Northgate Neighbours' good neighbours scheme, the Millfield "
        "Community Centre, Shared Lives carers, two lunch clubs.",
        community_answer="Yes, with us: local groups already do the connecting; they need "
        "paid connectors to reach people who are not yet in touch.",
        options_considered=[Option.GRANT, Option.PARTNERSHIP, Option.TENDER],
        chosen=Option.TENDER,
        reason="A contract over three years gives connectors secure jobs; lots by "
        "neighbourhood keep it small enough for local organisations to bid.",
    )
    call = call_create(
        TITLE,
        CallKind.TENDER,
        CRITERIA_TENDER,
        commissions_demo_framework(),
        Panel.objects.get(name="Connected Communities panel"),
    )
    deadline = timezone.now() + timedelta(days=21)
    tender = Tender.objects.create(
        commission=commission,
        title=TITLE,
        description="Community connectors who help older people find and join what the "
        "neighbourhood already offers.",
        estimated_value=Decimal(360000),
        procedure="competitive_flexible",
        clarification_deadline=deadline - timedelta(days=7),
        submission_deadline=deadline,
        expected_award=(deadline + timedelta(days=30)).date(),
        contract_starts=date(2027, 4, 1),
        contract_ends=date(2030, 3, 31),
        call=call,
        questions=[
            (
                "long_text",
                {
                    "label": "Method statement: how connectors will work",
                    "help_text": "Scored under “Method: how care is organised around each person”.",
                    "required": True,
                    "word_limit": 750,
                },
            ),
            (
                "long_text",
                {
                    "label": "How you will work with the groups already there",
                    "help_text": "Scored under “Working with community assets and families”.",
                    "required": True,
                    "word_limit": 500,
                },
            ),
        ],
    )
    Lot.objects.create(tender=tender, number=1, title="Millfield", estimated_value=180000)
    Lot.objects.create(tender=tender, number=2, title="Northgate", estimated_value=180000)
    TenderDocument.objects.create(
        tender=tender,
        title="Specification: community connectors",
        file=ContentFile(SPECIFICATION, name="specification.pdf"),
    )
    tender_send_for_approval(tender=tender, actor=commissioner)
    tender_approve(
        tender=tender,
        actor=User.objects.get(email="approver@ashbyvale.example"),
        reason="Appraisal, criteria, lots and questions checked against the need.",
    )
    tender_publish(tender=tender, actor=commissioner)
    tender.refresh_from_db()

    bidder_org = Organisation.objects.get(name="Millfield Shared Lives CIC")
    bidder = User.objects.filter(memberships__organisation=bidder_org).first()
    bid = bid_start(lot=tender.lots.get(number=1), organisation=bidder_org, actor=bidder)
    answers = {
        str(block.id): "Two part-time connectors based at the community centre."
        for block in tender.questions
    }
    bid = bid_save(
        bid=bid,
        actor=bidder,
        expected_version=bid.version,
        answers=answers,
        price=Decimal(172000),
        files={},
    )
    bid_submit(bid=bid, actor=bidder)


def _commission_being_set_up() -> None:
    """A commission part-way through its task list: the need and the
    appraisal done, the tender's details next."""
    title = "Warm homes advice in Northgate"
    if Commission.objects.filter(title=title).exists():
        return
    commissioner = User.objects.get(email="commissioner@ashbyvale.example")
    commission = Commission.objects.create(
        title=title,
        need="Older tenants in Northgate say their homes are cold and the bills frightening; "
        "they want someone local to sit down with them.",
        created_by=commissioner,
    )
    commission.neighbourhoods.set(Neighbourhood.objects.filter(name="Northgate"))
    appraisal_record(
        commission=commission,
        actor=commissioner,
        assets_considered="Northgate Neighbours, the credit union's advice desk, the library.",
        community_answer="With us: the credit union already advises; it lacks home visits.",
        options_considered=[Option.GRANT, Option.TENDER],
        chosen=Option.TENDER,
        reason="Home visits for two years need a contract with insured, trained advisers.",
    )
