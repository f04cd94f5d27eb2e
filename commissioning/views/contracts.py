"""A contract's page: its terms, its key performance indicators with the
supplier's delivery reports against each target, and the social value the
supplier promised against what it has delivered so far. Commissioners and
the supplier's own members read it; commissioners set the indicators, the
supplier reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from commissioning import hooks
from commissioning.access import is_bidder
from commissioning.contract_forms import DeliveryReportForm, IndicatorForm
from commissioning.forms import errors_onto
from commissioning.letters import letter_pdf
from commissioning.models import Contract, OutcomeLetter
from commissioning.services import contracts as services
from organisations.selectors import membership_for

RUN = "commissioning.run_tender"


@login_required
def contract_detail(request, pk):
    contract = get_object_or_404(
        Contract.objects.select_related("lot__tender", "supplier", "bid__submission"), pk=pk
    )
    is_supplier = membership_for(user=request.user, organisation=contract.supplier) is not None
    is_commissioner = request.user.has_perm(RUN)
    if not (is_commissioner or is_supplier):
        raise PermissionDenied
    indicators = list(contract.indicators.prefetch_related("reports"))
    indicator_form = report_form = None
    if request.method == "POST":
        try:
            if request.POST.get("form") == "indicator" and is_commissioner:
                indicator_form = IndicatorForm(request.POST)
                if indicator_form.is_valid():
                    services.indicator_add(
                        contract=contract, actor=request.user, **indicator_form.cleaned_data
                    )
                    messages.success(request, "The indicator is added.")
                    return redirect("contract-detail", pk=pk)
            elif request.POST.get("form") == "report" and is_supplier:
                report_form = DeliveryReportForm(request.POST, indicators=indicators)
                if report_form.is_valid():
                    data = dict(report_form.cleaned_data)
                    indicator = contract.indicators.get(pk=data.pop("indicator"))
                    services.delivery_report(indicator=indicator, actor=request.user, **data)
                    messages.success(request, "Your delivery report is recorded.")
                    return redirect("contract-detail", pk=pk)
            else:
                raise PermissionDenied
        except ValidationError as error:
            errors_onto(indicator_form or report_form, error)
    bound = indicator_form or report_form
    return render(
        request,
        "commissioning/contract_detail.html",
        {
            "contract": contract,
            "tender": contract.lot.tender,
            "is_supplier": is_supplier,
            "is_commissioner": is_commissioner,
            "indicators": indicators,
            "indicator_form": indicator_form or IndicatorForm(),
            "report_form": report_form or DeliveryReportForm(indicators=indicators),
            "error_form": bound,
            "sections": hooks.contract_sections(contract, request),
        },
        status=400 if bound is not None else 200,
    )


@login_required
def outcome_letter(request, pk):
    """A letter as a PDF, for the bidder it was sent to and commissioners."""
    letter = get_object_or_404(
        OutcomeLetter.objects.select_related("bid__organisation", "bid__lot"), pk=pk
    )
    if not (request.user.has_perm(RUN) or is_bidder(letter.bid, request.user)):
        raise PermissionDenied
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{letter.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
