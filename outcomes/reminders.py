"""Reminders about contract monitoring returns: to the supplier's members,
once as a return comes due and once when it is overdue, as grant
monitoring returns are (grants.reminders)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from organisations.selectors import member_ids_by_organisation
from outcomes.models import ContractReturn
from reminders.registry import Due, absolute, reminder_kind, timing


@reminder_kind("contract_return", essential=True)
def contract_returns(now):
    today = timezone.localdate(now)
    soon = today + timedelta(days=timing("return_before"))
    returns = list(
        ContractReturn.objects.filter(submitted_at__isnull=True, due_on__lte=soon).select_related(
            "contract__lot__tender", "contract__supplier"
        )
    )
    members = member_ids_by_organisation(r.contract.supplier_id for r in returns)
    for item in returns:
        contract = item.contract
        overdue = item.due_on < today
        link = reverse("outcomes:contract-return", args=[item.pk])
        for user_id in members.get(contract.supplier_id, []):
            yield Due(
                kind="contract_return_overdue" if overdue else "contract_return_due",
                recipient_id=user_id,
                subject=item,
                due_on=item.due_on,
                subject_line=f"Contract monitoring return {'overdue' if overdue else 'due'}: "
                f"{contract.lot.tender.title}",
                body=f"Your monitoring return for the contract {contract.lot.tender.title}, "
                f"lot {contract.lot.number}, {'was' if overdue else 'is'} due on "
                f"{item.due_on:%A %-d %B %Y}.\n\n" + absolute(link),
                link=link,
            )
