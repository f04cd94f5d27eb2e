"""The demo shows Key Human Indicators over two years, with one group kept
under five people so the suppression shows."""

import io

from django.core.management import call_command

from grants.models import Programme
from organisations.models import LegalForm
from outcomes.models import Instrument
from outcomes.selectors import khi_over_time


def test_the_demo_has_two_years_of_answers_and_one_group_under_five(db):
    call_command("demo_load", stdout=io.StringIO())
    call_command("demo_load", stdout=io.StringIO())  # a second run changes nothing

    instruments = {i.name: i.questions.count() for i in Instrument.objects.all()}
    rows = khi_over_time()
    past_fund = Programme.objects.get(name="Good Neighbours Fund")
    # Vale Home Support, the one company the fund paid, had three people a quarter.
    companies = khi_over_time(
        programmes=[past_fund], organisation_types=[LegalForm.PRIVATE_COMPANY]
    )

    assert instruments == {"Connections": 2, "Five capabilities (placeholder levels)": 5}
    friends = [r for r in rows if r["question"] == "How many friends do you have?"]
    assert len(friends) >= 8  # eight quarters or more
    assert all(not r["suppressed"] for r in friends[:-1])
    capability = [r for r in companies if r["question"].startswith("Autonomy")]
    assert capability and all(r["suppressed"] and r["mean"] is None for r in capability)
