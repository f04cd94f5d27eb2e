"""A grant's claims and budget: the grantee claims an instalment; a grants
officer approves or returns the claim; both see budget against actual."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from finance.budget import budget_against_actual, budget_lines
from finance.forms import ClaimForm, ClaimReturnForm
from finance.models import Claim, ClaimState
from finance.selectors import claims_to_approve
from finance.services import claims
from finance.views.common import OFFICER, application_for, refusal_show
from foundation.files import file_download
from grants.models import Payment, State
from organisations.selectors import bank_details_payable, membership_for


@login_required
def grant_page(request, pk):
    application, member = application_for(request, pk)
    award = getattr(application, "award", None)
    payments = list(award.payments.all()) if award else []
    claims_of = {}
    for claim in (
        Claim.objects.filter(payment__in=payments)
        .select_related("submitted_by", "decided_by")
        .prefetch_related("lines")
    ):
        claims_of.setdefault(claim.payment_id, []).append(claim)
    rows = []
    for payment in payments:
        its_claims = claims_of.get(payment.pk, [])
        live = next((c for c in its_claims if c.state != ClaimState.RETURNED), None)
        rows.append(
            {
                "payment": payment,
                "claims": its_claims,
                "live": live,
                "can_claim": member
                and live is None
                and payment.approved_at is None
                and application.state in (State.ACCEPTED, State.ACTIVE),
            }
        )
    budget = budget_against_actual(application)
    return render(
        request,
        "finance/grant.html",
        {
            "application": application,
            "award": award,
            "rows": rows,
            "member": member,
            "officer": request.user.has_perm(OFFICER),
            "budget": budget,
            "return_form": ClaimReturnForm(),
            "held": bank_details_payable(organisation=application.organisation),
        },
    )


@login_required
def claim_new(request, pk):
    payment = get_object_or_404(
        Payment.objects.select_related("award__application__organisation"), pk=pk
    )
    application = payment.award.application
    if membership_for(user=request.user, organisation=application.organisation) is None:
        raise PermissionDenied("Only members of the organisation can claim its grant.")
    form = ClaimForm(request.POST or None, request.FILES or None, lines=budget_lines(application))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                claims.claim_submit(
                    payment=payment,
                    actor=request.user,
                    spend=form.spend(),
                    evidence=form.cleaned_data["evidence"],
                )
            except ValidationError as error:
                refusal_show(form, error)
            else:
                messages.success(request, "Your claim is sent. A grants officer will check it.")
                return redirect("finance:grant", pk=application.pk)
        status = 400
    return render(
        request,
        "finance/claim_new.html",
        {"application": application, "payment": payment, "form": form},
        status=status,
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def claim_decide(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("payment__award"), pk=pk)
    application_pk = claim.payment.award.application_id
    form = ClaimReturnForm(request.POST)
    form.is_valid()  # an optional text box: always sound
    try:
        if request.POST.get("decision") == "return":
            claims.claim_return(
                claim=claim, actor=request.user, reason=form.cleaned_data.get("reason", "")
            )
            messages.success(request, "The claim is returned to the grantee.")
        else:
            claims.claim_approve(claim=claim, actor=request.user)
            messages.success(request, "Claim approved. The finance team releases the payment.")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("finance:grant", pk=application_pk)


@login_required
def claim_evidence(request, pk):
    claim = get_object_or_404(
        Claim.objects.select_related("payment__award__application__organisation"), pk=pk
    )
    if not claims.claim_readable_by(claim, request.user):
        raise PermissionDenied("This claim belongs to another organisation.")
    return file_download(request, document=claim, file=claim.evidence, filename=claim.evidence_name)


@permission_required(OFFICER, raise_exception=True)
def claims_waiting(request):
    return render(
        request,
        "finance/claims_waiting.html",
        {"claims": list(claims_to_approve().order_by("submitted_at"))},
    )
