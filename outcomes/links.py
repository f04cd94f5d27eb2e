"""The outcomes pages grants' own pages link to (through grants.hooks), and
the monitoring returns section of a contract's page (commissioning.hooks)."""

from django.template.loader import render_to_string
from django.urls import reverse

from grants.models import State
from outcomes.access import is_commissioner, is_supplier
from outcomes.models import MonitoringForm
from outcomes.selectors import contract_returns

AFTER_OFFER = (State.OFFER, State.ACCEPTED, State.ACTIVE, State.COMPLETED)


def _award(application):
    return getattr(application, "award", None) if application.state in AFTER_OFFER else None


def officer_links(application, user) -> list[tuple[str, str]]:
    award = _award(application)
    if award is None:
        return []
    return [
        (
            "Monitoring: schedule, returns and what people say",
            reverse("outcomes:grant-monitoring", args=[award.pk]),
        )
    ]


def applicant_links(application, user) -> list[tuple[str, str]]:
    award = _award(application)
    form = MonitoringForm.objects.filter(programme_id=application.round.programme_id).first()
    if award is None or form is None or not form.instruments.exists():
        return []
    return [("What people tell you", reverse("outcomes:people-say", args=[award.pk]))]


def return_page(monitoring_return) -> str:
    """A return whose programme asks its own questions is filed here."""
    if monitoring_return.submitted_at is not None:
        return ""
    programme_id = monitoring_return.award.application.round.programme_id
    if MonitoringForm.objects.filter(programme_id=programme_id).exists():
        return reverse("outcomes:return", args=[monitoring_return.pk])
    return ""


def contract_section(contract, request) -> str:
    """Commissioners read every return sent and reach the schedule; the
    supplier's members see what is due and file it. Anyone else: nothing."""
    commissioner = is_commissioner(request.user)
    if not (commissioner or is_supplier(request.user, contract)):
        return ""
    return render_to_string(
        "outcomes/includes/contract_returns.html",
        {
            "contract": contract,
            "returns": contract_returns(contract),
            "is_commissioner": commissioner,
        },
        request=request,
    )
