"""A contract's monitoring returns: the dates its commissioner sets, and
the supplier filing each. A return's standard parts record delivery where
the contract page reads it: against each key performance indicator (its
delivery-against-target table) and against each social value commitment
of the winning bid (promised against delivered)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.models import Contract
from commissioning.services.contracts import delivery_report as indicator_report
from foundation.templatetags.uk import long_date
from grants.questions import submission_problems
from outcomes.access import commissioner_required, supplier_required
from outcomes.audit import outcomes_audit
from outcomes.models import ContractReturn, MonitoringForm
from social_value.models import Commitment
from social_value.services.commitments import delivery_report as social_value_report


@transaction.atomic
def contract_return_add(*, contract: Contract, due_on: date, actor) -> ContractReturn:
    """A return due on a day within the contract: after it starts, and no
    later than the day it ends (the last return is due by then), so the
    delivery it reports falls within the contract's dates."""
    commissioner_required(actor)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if not contract.starts_on < due_on <= contract.ends_on:
        raise ValidationError(
            {
                "due_on": f"The return must be due after the contract starts "
                f"({long_date(contract.starts_on)}) and by the day it ends "
                f"({long_date(contract.ends_on)})."
            }
        )
    if contract.monitoring_returns.filter(due_on=due_on).exists():
        raise ValidationError({"due_on": f"A return is already due on {long_date(due_on)}."})
    added = ContractReturn.objects.create(contract=contract, due_on=due_on, set_by=actor)
    outcomes_audit(
        added,
        actor=actor,
        transition="add_return",
        state="due",
        text=f"Monitoring return for {contract} due {due_on.isoformat()}",
    )
    return added


@transaction.atomic
def contract_return_remove(*, contract_return: ContractReturn, actor) -> None:
    """Only a return not yet filed can be taken off the schedule: what the
    supplier sent stays on record."""
    commissioner_required(actor)
    contract_return = ContractReturn.objects.select_for_update().get(pk=contract_return.pk)
    if contract_return.submitted_at is not None:
        raise ValidationError("This return has been sent, so it stays.")
    outcomes_audit(
        contract_return,
        actor=actor,
        transition="remove_return",
        state="removed",
        text=f"Monitoring return for {contract_return.contract} due "
        f"{contract_return.due_on.isoformat()} taken off the schedule",
    )
    contract_return.delete()


def _problems(contract, *, narrative, spend_to_date, delivered, achieved, answers) -> dict:
    """Every problem with a return at once, keyed by its form's field."""
    problems = {}
    if not narrative.strip():
        problems["narrative"] = "Tell us what happened."
    if spend_to_date is None or spend_to_date < 0:
        problems["spend_to_date"] = "Enter how much of the contract's value you have spent so far."
    for indicator in contract.indicators.all():
        value = achieved.get(indicator.pk)
        if value is None or value < 0:
            problems[f"achieved_{indicator.pk}"] = (
                f"Enter what was achieved, 0 or more: {indicator.measure}"
            )
    for commitment_id, (_quantity, evidence) in delivered.items():
        if not (evidence or "").strip():
            problems[f"evidence_{commitment_id}"] = "Say what shows this was delivered."
    form = MonitoringForm.objects.filter(contract=contract).first()
    questions = form.questions if form else []
    problems |= submission_problems(questions, answers, files_present=set(), amount_requested=None)
    return problems


@transaction.atomic
def contract_return_file(
    *,
    contract_return: ContractReturn,
    actor,
    narrative: str,
    spend_to_date: Decimal | None,
    delivered: dict[int, tuple[Decimal, str]],
    achieved: dict[int, Decimal | None],
    answers: dict,
) -> ContractReturn:
    """The supplier sends a return: every problem in any part is reported
    at once, and nothing is kept unless all is well. Delivery is reported
    for the period since the previous return was due (or since the contract
    started) up to this return's due date."""
    contract_return = (
        ContractReturn.objects.select_for_update()
        .select_related("contract__supplier", "contract__bid")
        .get(pk=contract_return.pk)
    )
    contract = contract_return.contract
    supplier_required(actor, contract)
    if contract_return.submitted_at is not None:
        raise ValidationError("This return has already been sent.")
    problems = _problems(
        contract,
        narrative=narrative,
        spend_to_date=spend_to_date,
        delivered=delivered,
        achieved=achieved,
        answers=answers,
    )
    if problems:
        raise ValidationError(problems)
    due = contract_return.due_on
    previous = (
        contract.monitoring_returns.filter(due_on__lt=due)
        .order_by("-due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    note = f"From the monitoring return due {long_date(due)}"
    for indicator in contract.indicators.all():
        contract_return.indicator_reports.add(
            indicator_report(
                indicator=indicator,
                actor=actor,
                period_ending=due,
                achieved=achieved[indicator.pk],
                note=note,
            )
        )
    for commitment_id, (quantity, evidence) in delivered.items():
        commitment = Commitment.objects.get(
            pk=commitment_id, submission_id=contract.bid.submission_id
        )
        contract_return.social_value_reports.add(
            social_value_report(
                commitment=commitment,
                period_start=previous or contract.starts_on,
                period_end=due,
                quantity_delivered=quantity,
                evidence=evidence.strip(),
                actor=actor,
            )
        )
    contract_return.narrative, contract_return.spend_to_date = narrative.strip(), spend_to_date
    contract_return.answers = answers
    contract_return.submitted_at, contract_return.submitted_by = timezone.now(), actor
    contract_return.save()
    outcomes_audit(
        contract_return,
        actor=actor,
        transition="file_return",
        state="sent",
        text=f"Monitoring return for {contract} due {due.isoformat()} sent: indicators "
        f"reported {len(achieved)}, social value deliveries {len(delivered)}, answers to "
        f"the contract's questions {len(answers)}",
    )
    return contract_return
