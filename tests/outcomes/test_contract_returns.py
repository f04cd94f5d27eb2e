"""A contract's monitoring returns: the commissioner sets the days they are
due; the supplier files each with the standard parts and the contract's
own questions, and what it says reaches the contract's indicators and
social value commitments. Dates and sums are written by hand."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm_log.models import StateLog

from commissioning.models import DeliveryReport
from outcomes.models import ContractReturn
from outcomes.services.contract_returns import (
    contract_return_add,
    contract_return_file,
    contract_return_remove,
)
from people import roles
from social_value.models import DeliveryReport as SocialValueReport
from tests.outcomes.contracts import HOW_MANY, contract_setting
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def s(commissioner):
    return contract_setting(commissioner)


@pytest.fixture
def commissioner(db):
    return UserFactory(roles=[roles.COMMISSIONER])


def _file(s, contract_return, **changes):
    parts = {
        "narrative": "Two connectors started in May.",
        "spend_to_date": Decimal("52000.00"),
        "delivered": {s.commitment.pk: (Decimal(90), "Signed timesheets")},
        "achieved": {s.visits.pk: Decimal(45)},
        "answers": {HOW_MANY: 38},
    }
    return contract_return_file(
        contract_return=contract_return, actor=s.supplier, **(parts | changes)
    )


def test_returns_are_due_after_the_contract_starts_and_by_the_day_it_ends(s):
    for day in (date(2027, 4, 1), date(2030, 4, 1), date(2026, 12, 31)):
        with pytest.raises(ValidationError) as refused:
            contract_return_add(contract=s.contract, due_on=day, actor=s.commissioner)
        assert refused.value.message_dict["due_on"] == [
            "The return must be due after the contract starts (1 April 2027) "
            "and by the day it ends (31 March 2030)."
        ]
    contract_return_add(contract=s.contract, due_on=date(2027, 4, 2), actor=s.commissioner)
    contract_return_add(contract=s.contract, due_on=date(2030, 3, 31), actor=s.commissioner)
    with pytest.raises(ValidationError) as twice:
        contract_return_add(contract=s.contract, due_on=date(2030, 3, 31), actor=s.commissioner)
    assert twice.value.message_dict["due_on"] == ["A return is already due on 31 March 2030."]
    assert list(s.contract.monitoring_returns.values_list("due_on", flat=True)) == [
        date(2027, 4, 2),
        date(2030, 3, 31),
    ]


def test_only_a_commissioner_sets_the_schedule(s):
    for person in (s.supplier, s.outsider):
        with pytest.raises(PermissionDenied):
            contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=person)
    assert not ContractReturn.objects.exists()


def test_a_return_reports_against_the_indicators_and_commitments_since_the_last_due(s):
    first = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    second = contract_return_add(
        contract=s.contract, due_on=date(2028, 3, 31), actor=s.commissioner
    )
    _file(s, first)
    _file(
        s,
        second,
        delivered={s.commitment.pk: (Decimal(110), "Timesheets for the winter")},
        achieved={s.visits.pk: Decimal(60)},
    )

    # The indicator's table on the contract page: one row per return, up to its due date.
    reports = DeliveryReport.objects.filter(indicator=s.visits).order_by("period_ending")
    assert [(r.period_ending, r.achieved) for r in reports] == [
        (date(2027, 9, 30), Decimal(45)),
        (date(2028, 3, 31), Decimal(60)),
    ]
    assert reports[0].note == "From the monitoring return due 30 September 2027"
    # Social value: from the contract's start, then from the last return's due date.
    delivered = SocialValueReport.objects.filter(commitment=s.commitment).order_by("period_start")
    assert [(r.period_start, r.period_end, r.quantity_delivered) for r in delivered] == [
        (date(2027, 4, 1), date(2027, 9, 30), Decimal(90)),
        (date(2027, 9, 30), date(2028, 3, 31), Decimal(110)),
    ]
    second.refresh_from_db()
    assert second.narrative == "Two connectors started in May."
    assert second.spend_to_date == Decimal("52000.00")
    assert second.answers == {HOW_MANY: 38}
    assert second.submitted_by == s.supplier
    assert list(second.indicator_reports.all()) == [reports[1]]
    assert list(second.social_value_reports.all()) == [delivered[1]]


def test_every_problem_is_named_at_once_and_nothing_is_kept(s):
    due = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    with pytest.raises(ValidationError) as refused:
        _file(
            s,
            due,
            narrative="  ",
            spend_to_date=None,
            delivered={s.commitment.pk: (Decimal(90), "")},
            achieved={s.visits.pk: None},
            answers={},
        )
    assert refused.value.message_dict == {
        "narrative": ["Tell us what happened."],
        "spend_to_date": ["Enter how much of the contract's value you have spent so far."],
        f"achieved_{s.visits.pk}": ["Enter what was achieved, 0 or more: Older people visited"],
        f"evidence_{s.commitment.pk}": ["Say what shows this was delivered."],
        f"q_{HOW_MANY}": ["Answer this question: How many people did you support?"],
    }
    due.refresh_from_db()
    assert due.submitted_at is None
    assert not DeliveryReport.objects.exists()
    assert not SocialValueReport.objects.exists()


def test_only_the_suppliers_members_file_and_only_once(s):
    due = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    for person in (s.outsider, s.commissioner):
        with pytest.raises(PermissionDenied):
            contract_return_file(
                contract_return=due,
                actor=person,
                narrative="Not ours",
                spend_to_date=Decimal(1),
                delivered={},
                achieved={s.visits.pk: Decimal(1)},
                answers={HOW_MANY: 1},
            )
    _file(s, due)
    with pytest.raises(ValidationError, match="already been sent"):
        _file(s, due)
    assert DeliveryReport.objects.count() == 1


def test_a_return_not_yet_sent_can_be_taken_off_and_one_sent_stays(s):
    sent = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    later = contract_return_add(contract=s.contract, due_on=date(2028, 3, 31), actor=s.commissioner)
    _file(s, sent)
    with pytest.raises(ValidationError, match="has been sent, so it stays"):
        contract_return_remove(contract_return=sent, actor=s.commissioner)
    with pytest.raises(PermissionDenied):
        contract_return_remove(contract_return=later, actor=s.supplier)
    contract_return_remove(contract_return=later, actor=s.commissioner)
    assert list(ContractReturn.objects.values_list("due_on", flat=True)) == [date(2027, 9, 30)]


def test_every_change_is_in_the_audit_trail(s):
    first = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    second = contract_return_add(
        contract=s.contract, due_on=date(2028, 3, 31), actor=s.commissioner
    )
    contract_return_remove(contract_return=second, actor=s.commissioner)
    _file(s, first)
    rows = StateLog.objects.filter(transition__in=["add_return", "remove_return", "file_return"])
    assert [(r.transition, r.state, r.by) for r in rows.order_by("pk")] == [
        ("add_return", "due", s.commissioner),
        ("add_return", "due", s.commissioner),
        ("remove_return", "removed", s.commissioner),
        ("file_return", "sent", s.supplier),
    ]
    removed = rows.get(transition="remove_return").description
    assert removed.endswith("due 2028-03-31 taken off the schedule")
    assert rows.get(transition="file_return").description.endswith(
        "due 2027-09-30 sent: indicators reported 1, social value deliveries 1, "
        "answers to the contract's questions 1"
    )


def test_the_supplier_is_reminded_as_a_return_comes_due_and_once_when_overdue(s):
    """Due on Thursday 1 July 2027: the reminder goes 14 days ahead (17
    June), once; the overdue one on the first sweep after the day, once;
    none once the return is sent. Only the supplier's members hear."""
    from django.core import mail

    from reminders.models import Reminder
    from reminders.services.sweep import reminders_sweep

    due = contract_return_add(contract=s.contract, due_on=date(2027, 7, 1), actor=s.commissioner)

    def sweep_at(day, hour=12):
        with time_machine.travel(datetime(*day, hour, tzinfo=LONDON), tick=False):
            return reminders_sweep()

    assert sweep_at((2027, 6, 16)) == 0
    assert sweep_at((2027, 6, 17)) == 1
    assert sweep_at((2027, 6, 30)) == 0
    assert sweep_at((2027, 7, 1)) == 0  # due today, not yet overdue
    assert sweep_at((2027, 7, 2)) == 1
    assert sweep_at((2027, 7, 9)) == 0
    assert [r.kind for r in Reminder.objects.order_by("pk")] == [
        "contract_return_due",
        "contract_return_overdue",
    ]
    assert [m.to for m in mail.outbox] == [[s.supplier.email], [s.supplier.email]]
    first, second = mail.outbox
    assert first.subject == f"Contract monitoring return due: {s.contract.lot.tender.title}"
    assert "is due on Thursday 1 July 2027." in first.body
    assert f"/outcomes/contract-returns/{due.pk}/" in first.body
    assert "was due on Thursday 1 July 2027." in second.body

    with time_machine.travel(datetime(2027, 7, 9, 13, tzinfo=LONDON), tick=False):
        _file(s, due)
    assert sweep_at((2027, 7, 10)) == 0
