"""The demo shows lists of support and What's on with meaningful data, and
loading it twice changes nothing."""

import pytest
from django.test import Client

from assets.models import Asset, AssetEvent
from demo.community import demo_community_load
from demo.support import demo_list_paths, demo_support_load
from support_lists.models import SupportList

pytestmark = pytest.mark.django_db


def test_the_demo_has_budgets_a_micro_enterprise_volunteering_events_and_lists():
    demo_community_load()
    assert demo_support_load() == [("Link worker", "linkworker@ashbyvale.example")]
    demo_support_load()  # again: nothing doubles

    paying = Asset.objects.filter(accepts_personal_budgets=True).exclude(cost="")
    assert paying.count() >= 3
    micro = Asset.objects.get(name="Bright Days: days out and company")
    assert micro.is_micro_enterprise and micro.cost_details.startswith("£18 an hour")
    assert Asset.objects.exclude(volunteering="").count() >= 3
    assert AssetEvent.objects.count() == 4
    assert SupportList.objects.count() == 2

    saved, recommended = demo_list_paths()
    client = Client()
    assert "Bright Days: days out and company" in client.get(saved).content.decode()
    sams = client.get(recommended).content.decode()
    assert "Support for Sam" in sams
    assert "Tuesdays are quieter. Your personal budget can pay for it." in sams
