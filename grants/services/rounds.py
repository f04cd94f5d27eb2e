"""Setting up a round: its scoring call is made with it, so officers set
criteria and weights where they set the round, and never meet two records."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from social_value.models import Call, CallKind, Criterion, CriterionKind


@dataclass(frozen=True)
class CriterionLine:
    title: str
    weight: Decimal
    gateway: bool = False
    social_value: bool = False


@transaction.atomic
def round_call_create(*, title: str, panel, framework, criteria: list[CriterionLine]) -> Call:
    """The round's scoring call: its criteria in the order given. Scoring
    opens only once the weights add up (social_value.services.calls)."""
    call = Call.objects.create(
        title=title, kind=CallKind.GRANT_ROUND, panel=panel, framework=framework
    )
    Criterion.objects.bulk_create(
        Criterion(
            call=call,
            sort_order=order,
            kind=CriterionKind.GATEWAY if line.gateway else CriterionKind.SCORED,
            title=line.title,
            weight=Decimal(0) if line.gateway else line.weight,
            is_social_value=line.social_value and not line.gateway,
        )
        for order, line in enumerate(criteria)
    )
    return call
