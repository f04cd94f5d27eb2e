"""The finance team's page: approved payments to release, released ones to
export to the finance system, and payments to record as paid, one by one
or from the finance system's paid-file."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from finance import exports
from finance.forms import PaidFileForm
from finance.models import PaymentRelease
from finance.selectors import payments_to_release
from finance.services import payments
from finance.views.common import RELEASE, refusal_show
from foundation.exports import csv_response
from grants.forms import PaymentForm
from grants.models import Payment


def _page(request, *, paid_file_form=None, refused_paid=None, status=200):
    to_release = payments_to_release()
    to_export = list(exports.releases_to_export())
    to_record = list(
        PaymentRelease.objects.filter(payment__paid_on__isnull=True)
        .select_related("payment__award__application__organisation", "released_by")
        .order_by("released_at")
    )
    return render(
        request,
        "finance/payments.html",
        {
            "to_release": to_release,
            "to_export": to_export,
            "export_total": exports.export_total(to_export),
            "to_record": [
                (
                    release,
                    refused_paid
                    if refused_paid and refused_paid.payment == release.payment
                    else PaymentForm(
                        auto_id=f"id_paid-{release.payment_id}-%s", payment=release.payment
                    ),
                )
                for release in to_record
            ],
            "paid_file_form": paid_file_form or PaidFileForm(),
            "refused": refused_paid
            or (paid_file_form if paid_file_form and paid_file_form.errors else None),
        },
        status=status,
    )


@permission_required(RELEASE, raise_exception=True)
def payments_page(request):
    return _page(request)


@require_POST
@permission_required(RELEASE, raise_exception=True)
def payment_release(request, pk):
    payment = get_object_or_404(Payment, pk=pk)
    try:
        payments.payment_release(payment=payment, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Payment {payments.payment_number(payment)} released.")
    return redirect("finance:payments")


@require_POST
@permission_required(RELEASE, raise_exception=True)
def payments_export(request):
    """The released payments not yet exported, as CSV or BACS Standard 18;
    each is then noted as exported."""
    releases = list(exports.releases_to_export())
    if not releases:
        messages.error(request, "No released payment is waiting to be exported.")
        return redirect("finance:payments")
    kind = "bacs" if request.POST.get("format") == "bacs" else "csv"
    payments.payments_exported(releases=releases, actor=request.user, file_kind=kind)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    if kind == "bacs":
        response = HttpResponse(exports.bacs_file(releases), content_type="text/plain")
        response["Content-Disposition"] = f'attachment; filename="grant-payments-{stamp}.txt"'
    else:
        response = csv_response(
            filename=f"grant-payments-{stamp}.csv",
            header=exports.CSV_HEADER,
            rows=exports.csv_rows(releases),
        )
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@permission_required(RELEASE, raise_exception=True)
def payment_paid(request, pk):
    payment = get_object_or_404(Payment, pk=pk)
    form = PaymentForm(request.POST, auto_id=f"id_paid-{payment.pk}-%s", payment=payment)
    if form.is_valid():
        try:
            payments.payment_paid_record(
                payment=payment,
                actor=request.user,
                paid_on=form.cleaned_data["paid_on"],
                reference=form.cleaned_data["reference"],
            )
        except ValidationError as error:
            refusal_show(form, error)
        else:
            messages.success(request, f"Payment {payments.payment_number(payment)} recorded paid.")
            return redirect("finance:payments")
    return _page(request, refused_paid=form, status=400)


@require_POST
@permission_required(RELEASE, raise_exception=True)
def paid_file(request):
    form = PaidFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            done = payments.paid_file_apply(
                actor=request.user, data=form.cleaned_data["paid_file"].read()
            )
        except ValidationError as error:
            refusal_show(form, error)
        else:
            messages.success(
                request, f"{len(done)} payment{'s' if len(done) != 1 else ''} recorded paid."
            )
            return redirect("finance:payments")
    return _page(request, paid_file_form=form, status=400)
