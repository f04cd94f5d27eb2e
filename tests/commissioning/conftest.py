from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from commissioning.models import Commission, Lot, Option, Tender, TenderDocument
from commissioning.services.appraisal import appraisal_record
from commissioning.services.bids import bid_save, bid_start, bid_submit
from commissioning.services.tenders import tender_approve, tender_send_for_approval
from organisations.models import LegalForm, MembershipRole
from people import roles
from social_value.models import CallKind, CriterionKind, PanelRole
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import CallFactory, CriterionFactory, PanelMemberFactory


@pytest.fixture
def commissioner(db):
    return UserFactory(roles=[roles.COMMISSIONER])


def tender_make(commissioner, *, deadline=None, appraisal=True, lots=2) -> Tender:
    commission = Commission.objects.create(
        title="Home support",
        need="People want to stay at home, near friends.",
        created_by=commissioner,
    )
    commission.neighbourhoods.set([NeighbourhoodFactory(name="Northgate")])
    if appraisal:
        appraisal_record(
            commission=commission,
            actor=commissioner,
            assets_considered="Two good neighbours schemes, a Shared Lives CIC",
            community_answer="Partly: community groups can run the social side.",
            options_considered=[Option.GRANT, Option.TENDER],
            chosen=Option.TENDER,
            reason="Regulated personal care needs a registered provider.",
        )
    call = CallFactory(kind=CallKind.TENDER, members_per_submission=2)
    CriterionFactory(call=call, kind=CriterionKind.GATEWAY, title="CQC registration", weight=0)
    CriterionFactory(call=call, title="Method", weight=Decimal(50))
    CriterionFactory(call=call, title="Social value", weight=Decimal(20), is_social_value=True)
    CriterionFactory(call=call, kind=CriterionKind.PRICE, title="Price", weight=Decimal(30))
    PanelMemberFactory(panel=call.panel, role=PanelRole.CHAIR)
    PanelMemberFactory(panel=call.panel, role=PanelRole.LIVED_EXPERIENCE)
    deadline = deadline or timezone.now() + timedelta(days=14)
    tender = Tender.objects.create(
        commission=commission,
        title="Home support in Northgate",
        description="Care at home",
        estimated_value=Decimal(900000),
        procedure="open",
        clarification_deadline=deadline - timedelta(days=7),
        submission_deadline=deadline,
        expected_award=date(2027, 3, 1),
        contract_starts=date(2027, 4, 1),
        contract_ends=date(2030, 3, 31),
        call=call,
        questions=[
            (
                "long_text",
                {
                    "label": "Method statement",
                    "help_text": "",
                    "required": True,
                    "word_limit": None,
                },
            )
        ],
    )
    tender.refresh_from_db()
    TenderDocument.objects.create(
        tender=tender, title="Specification", file=ContentFile(b"%PDF-1.4 spec", name="spec.pdf")
    )
    for number in range(1, lots + 1):
        Lot.objects.create(
            tender=tender, number=number, title=f"Area {number}", estimated_value=Decimal(450000)
        )
    return tender


@pytest.fixture
def tender(commissioner):
    return tender_make(commissioner)


def tender_approved(tender, sender) -> Tender:
    """Sent for approval by `sender`, approved by a second commissioner:
    nobody approves their own tender."""
    tender_send_for_approval(tender=tender, actor=sender)
    return tender_approve(
        tender=tender,
        actor=UserFactory(roles=[roles.COMMISSIONER], first_name="Second"),
        reason="Ready to publish",
    )


def bidder_make(name="Bidder"):
    organisation = OrganisationFactory(name=name, legal_form=LegalForm.SOCIAL_ENTERPRISE)
    return MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user


def method_key(tender) -> str:
    return str(tender.questions[0].id)


def bid_in(lot, user, price=Decimal(400000), method="Our sealed method statement"):
    organisation = user.memberships.get().organisation
    bid = bid_start(lot=lot, organisation=organisation, actor=user)
    bid = bid_save(
        bid=bid,
        actor=user,
        expected_version=bid.version,
        answers={method_key(lot.tender): method},
        price=price,
        files={},
    )
    bid_submit(bid=bid, actor=user)
    return bid
