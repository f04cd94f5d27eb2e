"""The demo's contract under way: its monitoring form, its quarterly
returns and the first one sent, read by the commissioner on its page."""

import io

from django.core.management import call_command
from django.urls import reverse

from commissioning.models import Contract
from outcomes.models import ContractReturn
from people.models import User


def test_the_demo_contract_has_a_schedule_and_one_return_sent(client, db):
    call_command("demo_load", stdout=io.StringIO())
    call_command("demo_load", stdout=io.StringIO())  # a second run changes nothing

    contract = Contract.objects.get(lot__tender__title="Home visiting in Old Town")
    returns = ContractReturn.objects.filter(contract=contract).order_by("due_on")
    # Quarterly from a start 120 days ago: 91 and 182 days after it.
    assert [(r.due_on - contract.starts_on).days for r in returns] == [91, 182]
    assert [r.submitted_at is not None for r in returns] == [True, False]
    labels = [block.value["label"] for block in contract.monitoring_form.questions]
    assert labels == [
        "How many people did you visit at home for the first time?",
        "What do the people you visit say about it?",
    ]

    client.force_login(User.objects.get(email="commissioner@ashbyvale.example"))
    page = client.get(reverse("contract-detail", args=[contract.pk])).content.decode()
    assert "41 people to" in page  # the first indicator's table
    assert "Someone knocks on Tuesdays now." in page
    assert "18 people delivered: Visit records" in page
