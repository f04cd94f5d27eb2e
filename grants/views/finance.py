"""Payments for the finance system: a page with what is waiting to be
paid, and the CSV file, for staff with the export permission."""

from decimal import Decimal

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils import timezone

from grants.finance import HEADER, finance_payments, finance_rows
from grants.forms.finance import FinanceExportForm
from social_value.exports import csv_response

EXPORT = "grants.export_payments"


def _page(request, form, *, status=200):
    to_pay = list(finance_payments())
    return render(
        request,
        "grants/officer/finance.html",
        {
            "form": form,
            "to_pay": to_pay,
            "total": sum((payment.amount for payment in to_pay), Decimal(0)),
        },
        status=status,
    )


@permission_required(EXPORT, raise_exception=True)
def finance_page(request):
    return _page(request, FinanceExportForm())


@permission_required(EXPORT, raise_exception=True)
def finance_csv(request):
    form = FinanceExportForm(request.GET)
    if not form.is_valid():
        return _page(request, form, status=400)
    payments = finance_payments(
        paid_from=form.cleaned_data["paid_from"], paid_to=form.cleaned_data["paid_to"]
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    return csv_response(
        filename=f"grant-payments-{stamp}.csv", header=HEADER, rows=finance_rows(payments)
    )
