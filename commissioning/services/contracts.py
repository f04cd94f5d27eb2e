"""A contract's key performance indicators, set by the commissioner, and
the supplier's delivery reports against them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from commissioning.models import Contract, DeliveryReport, KeyPerformanceIndicator
from organisations.selectors import membership_for

COMMISSIONER = "commissioning.run_tender"


@transaction.atomic
def indicator_add(
    *, contract: Contract, actor, measure: str, target, unit: str
) -> KeyPerformanceIndicator:
    """A measure with a target: what the contract is held to."""
    if not actor.has_perm(COMMISSIONER):
        raise PermissionDenied("Only a commissioner sets a contract's indicators.")
    errors = {}
    if not measure.strip():
        errors["measure"] = "Say what is measured."
    if target is None or target <= 0:
        errors["target"] = "Enter the target, more than 0."
    if not unit.strip():
        errors["unit"] = "Say what the target counts, like people or visits."
    if errors:
        raise ValidationError(errors)
    return KeyPerformanceIndicator.objects.create(
        contract=contract, measure=measure.strip(), target=target, unit=unit.strip()
    )


@transaction.atomic
def delivery_report(
    *, indicator: KeyPerformanceIndicator, actor, period_ending, achieved, note: str = ""
) -> DeliveryReport:
    """The supplier says what it delivered against an indicator, up to a date
    within the contract."""
    contract = indicator.contract
    if membership_for(user=actor, organisation=contract.supplier) is None:
        raise PermissionDenied("Only the supplier reports delivery.")
    errors = {}
    if not contract.starts_on <= period_ending <= contract.ends_on:
        errors["period_ending"] = "The period ends within the contract's dates."
    if achieved is None or achieved < 0:
        errors["achieved"] = "Enter what was achieved, 0 or more."
    if errors:
        raise ValidationError(errors)
    return DeliveryReport.objects.create(
        indicator=indicator,
        period_ending=period_ending,
        achieved=achieved,
        note=note.strip(),
        reported_by=actor,
    )
