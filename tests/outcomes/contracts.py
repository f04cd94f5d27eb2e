"""A small hand-built contract for the contract monitoring tests.

Alpha CIC holds a contract for lot 1 of "Home support in Northgate", from
1 April 2027 to 31 March 2030. It is held to one indicator (120 older
people visited) and its winning bid promised 400 volunteering hours. Its
monitoring form asks one required number: "How many people did you
support?"."""

from datetime import date
from decimal import Decimal

from commissioning.models import Bid, Contract, KeyPerformanceIndicator
from commissioning.services.tenders import tender_publish
from outcomes.models import MonitoringForm
from social_value.models import Commitment, Measure
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make
from tests.social_value.factories import SubmissionFactory

HOW_MANY = "5b7d3c1e-2f4a-4c9b-8e6d-0a1b2c3d4e5f"
QUESTIONS = [
    {
        "type": "number",
        "id": HOW_MANY,
        "value": {
            "label": "How many people did you support?",
            "help_text": "",
            "required": True,
            "min_value": 0,
            "max_value": None,
        },
    }
]


class Setting:
    pass


def contract_setting(commissioner) -> Setting:
    s = Setting()
    s.commissioner = commissioner
    tender = tender_make(commissioner, lots=1)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    lot = tender.lots.get()
    s.supplier = bidder_make("Alpha CIC")
    bid = bid_in(lot, s.supplier)
    organisation = bid.organisation
    submission = SubmissionFactory(call=tender.call, organisation=organisation)
    Bid.objects.filter(pk=bid.pk).update(submission=submission)
    bid.refresh_from_db()
    # The call's published framework holds one measure: volunteering hours.
    measure = Measure.objects.get(outcome__theme__framework=tender.call.framework)
    s.commitment = Commitment.objects.create(
        submission=submission, measure=measure, quantity=Decimal(400)
    )
    s.contract = Contract.objects.create(
        lot=lot,
        bid=bid,
        supplier=organisation,
        value=Decimal(400000),
        starts_on=date(2027, 4, 1),
        ends_on=date(2030, 3, 31),
        recorded_by=commissioner,
    )
    s.visits = KeyPerformanceIndicator.objects.create(
        contract=s.contract, measure="Older people visited", target=Decimal(120), unit="people"
    )
    MonitoringForm.objects.create(contract=s.contract, questions=QUESTIONS)
    s.outsider = bidder_make("Someone else")
    return s
