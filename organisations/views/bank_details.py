"""Bank details: an organisation admin enters or changes them; staff who
check them see every change waiting and record their telephone check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organisations import selectors
from organisations.forms import BankDetailsForm, BankDetailsVerifyForm
from organisations.models import BankDetails, Organisation
from organisations.services import bank_details as services


def _errors_onto(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


@login_required
def bank_details(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    membership = selectors.membership_for(user=request.user, organisation=organisation)
    if membership is None or not membership.is_admin:
        raise PermissionDenied("Only an organisation admin can see its bank details.")
    current = selectors.bank_details_of(organisation=organisation)
    # Never filled in from the stored numbers: the page shows them masked only.
    form = BankDetailsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bank_details_save(
                organisation=organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            messages.success(
                request,
                "Your bank details are saved. Payments wait until we have checked them with "
                "you by telephone; your organisation's other admins are told by e-mail.",
            )
            return redirect("bank-details", pk=organisation.pk)
    return render(
        request,
        "organisations/bank_details.html",
        {"organisation": organisation, "current": current, "form": form},
        status=400 if form.errors else 200,
    )


def _to_verify_page(request, *, refused=None, status=200):
    waiting = selectors.bank_details_unverified()
    return render(
        request,
        "organisations/bank_details_to_verify.html",
        {
            "rows": [
                (
                    details,
                    refused[1]
                    if refused and refused[0] == details.pk
                    else BankDetailsVerifyForm(auto_id=f"id_verify-{details.pk}-%s"),
                )
                for details in waiting
            ],
            "refused": refused[1] if refused else None,
        },
        status=status,
    )


@permission_required(services.VERIFY, raise_exception=True)
def bank_details_to_verify(request):
    return _to_verify_page(request)


@require_POST
@permission_required(services.VERIFY, raise_exception=True)
def bank_details_verify(request, pk):
    details = get_object_or_404(BankDetails.objects.select_related("organisation"), pk=pk)
    form = BankDetailsVerifyForm(request.POST, auto_id=f"id_verify-{details.pk}-%s")
    if form.is_valid():
        try:
            services.bank_details_verify(
                bank_details=details, actor=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            messages.success(request, f"{details.organisation.name}'s bank details are verified.")
            return redirect("bank-details-to-verify")
    return _to_verify_page(request, refused=(details.pk, form), status=400)
