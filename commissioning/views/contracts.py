"""A contract's page: its terms, and the social value the supplier
promised against what it has delivered so far. Commissioners and the
supplier's own members read it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from commissioning.models import Contract
from organisations.selectors import membership_for

RUN = "commissioning.run_tender"


@login_required
def contract_detail(request, pk):
    contract = get_object_or_404(
        Contract.objects.select_related("lot__tender", "supplier", "bid__submission"), pk=pk
    )
    is_supplier = membership_for(user=request.user, organisation=contract.supplier) is not None
    if not (request.user.has_perm(RUN) or is_supplier):
        raise PermissionDenied
    return render(
        request,
        "commissioning/contract_detail.html",
        {"contract": contract, "tender": contract.lot.tender, "is_supplier": is_supplier},
    )
