"""A contract's monitoring returns: the commissioner's schedule of due
dates, and the page where the supplier files each return with the standard
parts and the contract's own questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from commissioning.models import Contract
from foundation.templatetags.uk import long_date
from grants.questions import build_application_form
from outcomes.access import is_commissioner, is_supplier
from outcomes.forms import ContractReturnDueForm, ContractReturnForm
from outcomes.models import ContractReturn
from outcomes.selectors import contract_monitoring_form
from outcomes.services import contract_returns as services
from outcomes.views.returns import errors_onto
from social_value.selectors import commitments_delivery


def _contract_page(contract) -> str:
    return reverse("contract-detail", args=[contract.pk]) + "#monitoring-returns"


@login_required
def contract_schedule(request, pk):
    if not is_commissioner(request.user):
        raise PermissionDenied("Only a commissioner sets when a contract's returns are due.")
    contract = get_object_or_404(Contract.objects.select_related("lot__tender", "supplier"), pk=pk)
    form = ContractReturnDueForm()
    if request.method == "POST" and "remove" in request.POST:
        chosen = request.POST["remove"]
        contract_return = get_object_or_404(
            ContractReturn, contract=contract, pk=int(chosen) if chosen.isdigit() else None
        )
        try:
            services.contract_return_remove(contract_return=contract_return, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, f"The return due {long_date(contract_return.due_on)} is taken off."
            )
        return redirect("outcomes:contract-schedule", pk=contract.pk)
    if request.method == "POST":
        form = ContractReturnDueForm(request.POST)
        if form.is_valid():
            try:
                added = services.contract_return_add(
                    contract=contract, due_on=form.cleaned_data["due_on"], actor=request.user
                )
            except ValidationError as error:
                errors_onto(error, form)
            else:
                messages.success(request, f"A return is now due {long_date(added.due_on)}.")
                return redirect("outcomes:contract-schedule", pk=contract.pk)
    return render(
        request,
        "outcomes/contract_schedule.html",
        {
            "contract": contract,
            "tender": contract.lot.tender,
            "form": form,
            "returns": contract.monitoring_returns.order_by("due_on"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def contract_return(request, pk):
    return_ = get_object_or_404(
        ContractReturn.objects.select_related(
            "contract__lot__tender", "contract__supplier", "contract__bid__submission"
        ),
        pk=pk,
    )
    contract = return_.contract
    if not is_supplier(request.user, contract):
        raise PermissionDenied("Only members of the contract's supplier send its returns.")
    if return_.submitted_at is not None:
        messages.info(request, "This return has already been sent.")
        return redirect(_contract_page(contract))
    submission = contract.bid.submission
    commitments = (
        [line.commitment for line in commitments_delivery(submission=submission)]
        if submission
        else []
    )
    data = request.POST if request.method == "POST" else None
    monitoring_form = contract_monitoring_form(contract)
    standard = ContractReturnForm(
        data, indicators=contract.indicators.all(), commitments=commitments
    )
    questions = build_application_form(
        monitoring_form.questions if monitoring_form else [], data=data
    )
    if request.method == "POST" and all([standard.is_valid(), questions.is_valid()]):
        try:
            services.contract_return_file(
                contract_return=return_,
                actor=request.user,
                narrative=standard.cleaned_data["narrative"] or "",
                spend_to_date=standard.cleaned_data["spend_to_date"],
                delivered=standard.delivered(),
                achieved=standard.achieved(),
                answers=questions.answers(),
            )
        except ValidationError as error:
            errors_onto(error, standard, questions)
        else:
            messages.success(request, "Thank you: your return is sent.")
            return redirect(_contract_page(contract))
    return render(
        request,
        "outcomes/contract_return.html",
        {
            "return": return_,
            "contract": contract,
            "tender": contract.lot.tender,
            "standard": standard,
            "questions": questions,
        },
        status=400 if standard.errors or questions.errors else 200,
    )
