"""The grant agreement: read, downloaded and accepted by the grantee;
read and downloaded by staff. Both download the very bytes accepted."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from finance.forms import AgreementAcceptForm
from finance.models import Agreement
from finance.services import agreements
from finance.views.common import application_for, refusal_show
from foundation.files import file_download
from grants.models import State
from people.lockouts import sign_in_address


@login_required
def agreement_page(request, pk):
    application, member = application_for(request, pk)
    agreement = (
        Agreement.objects.filter(award__application=application).select_related("award").first()
    )
    if agreement is None:
        raise Http404("This grant has no agreement.")
    open_to_accept = member and application.state == State.OFFER and not agreement.accepted_at
    form, status = None, 200
    if open_to_accept:
        form = AgreementAcceptForm(
            request.POST if request.method == "POST" else None,
            initial={"fingerprint": agreement.sha256},
        )
        if request.method == "POST" and form.is_valid():
            try:
                agreements.agreement_accept(
                    agreement=agreement,
                    actor=request.user,
                    name=form.cleaned_data["name"],
                    role=form.cleaned_data["role"],
                    ip=sign_in_address(request),
                    shown_sha256=form.cleaned_data["fingerprint"],
                )
            except ValidationError as error:
                refusal_show(form, error)
            else:
                messages.success(request, "Thank you: the agreement and the offer are accepted.")
                return redirect("finance:agreement", pk=application.pk)
        if form.errors:
            status = 400
    elif request.method == "POST":
        raise PermissionDenied("This agreement is not open for you to accept.")
    return render(
        request,
        "finance/agreement.html",
        {"application": application, "agreement": agreement, "form": form, "member": member},
        status=status,
    )


@login_required
def agreement_download(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.select_related("award__application__organisation"), pk=pk
    )
    if not agreements.agreement_readable_by(agreement, request.user):
        raise PermissionDenied("This agreement belongs to another organisation.")
    return file_download(
        request, document=agreement, file=agreement.document, filename=agreement.filename
    )
