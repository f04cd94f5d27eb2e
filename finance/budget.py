"""The budget an application promised, and spend claimed against it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from finance.models import ClaimLine, ClaimState
from grants.models import Application


def budget_lines(application: Application) -> list[tuple[str, Decimal]]:
    """(item, amount) of the application's budget table, as submitted."""
    lines = []
    for block in application.round.questions:
        if block.block_type != "budget_table":
            continue
        for row in (application.answers or {}).get(str(block.id)) or []:
            lines.append((row["item"], Decimal(str(row["amount"]))))
    return lines


@dataclass(frozen=True)
class BudgetLine:
    item: str
    budget: Decimal
    actual: Decimal

    @property
    def variance(self) -> Decimal:
        """Actual less budget: above nought is over budget."""
        return self.actual - self.budget

    @property
    def over(self) -> bool:
        return self.actual > self.budget


def budget_against_actual(application: Application) -> list[BudgetLine]:
    """Each budget line against the spend approved in claims, and any spend
    claimed on a line the budget did not have."""
    actual = dict(
        ClaimLine.objects.filter(
            claim__payment__award__application=application, claim__state=ClaimState.APPROVED
        )
        .values_list("item")
        .annotate(total=Sum("amount"))
    )
    rows = [
        BudgetLine(item=item, budget=amount, actual=actual.pop(item, Decimal(0)))
        for item, amount in budget_lines(application)
    ]
    rows += [
        BudgetLine(item=item, budget=Decimal(0), actual=total) for item, total in actual.items()
    ]
    return rows
