"""Eligibility, computed from the round's rules, so every applicant is
checked the same way and the officer sees why."""

from dataclasses import dataclass

from foundation.templatetags.uk import pounds
from grants.models import Application
from organisations.models import LegalForm


@dataclass(frozen=True)
class EligibilityCheck:
    rule: str
    passed: bool
    detail: str


def _money(value) -> str:
    return pounds(value)


def eligibility_checks(application: Application) -> list[EligibilityCheck]:
    round_ = application.round
    organisation = application.organisation
    checks = []
    if round_.allowed_legal_forms:
        allowed = [LegalForm(f).label for f in round_.allowed_legal_forms]
        checks.append(
            EligibilityCheck(
                "Legal form",
                organisation.legal_form in round_.allowed_legal_forms,
                f"{organisation.get_legal_form_display()}; the round accepts " + ", ".join(allowed),
            )
        )
    if round_.maximum_annual_income is not None:
        income = application.annual_income
        checks.append(
            EligibilityCheck(
                "Annual income",
                income is not None and income <= round_.maximum_annual_income,
                f"{_money(income) if income is not None else 'Not given'}; the limit is "
                f"{_money(round_.maximum_annual_income)}",
            )
        )
    places = {n.pk: n.name for n in round_.neighbourhoods.all()}
    if places:
        served = {n.pk: n.name for n in organisation.neighbourhoods.all()}
        overlap = sorted(places[pk] for pk in places.keys() & served.keys())
        checks.append(
            EligibilityCheck(
                "Neighbourhoods",
                bool(overlap),
                f"Serves {', '.join(overlap)}"
                if overlap
                else f"Serves none of {', '.join(sorted(places.values()))}",
            )
        )
    amount = application.amount_requested
    checks.append(
        EligibilityCheck(
            "Amount asked for",
            amount is not None and round_.minimum_award <= amount <= round_.maximum_award,
            f"{_money(amount) if amount is not None else 'Not given'}; grants run from "
            f"{_money(round_.minimum_award)} to {_money(round_.maximum_award)}",
        )
    )
    return checks


def is_eligible(application: Application) -> bool:
    return all(check.passed for check in eligibility_checks(application))
