"""The commissioner's pages: pipeline, commission with its appraisal, the
tender with its timeline and actions, evaluation, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assets.models import Asset, AssetStatus
from commissioning import selectors
from commissioning.access import OPENED, SEALED_MESSAGE, bid_readable_by
from commissioning.models import Bid, Clarification, Commission, Option, Tender, TenderState
from commissioning.services import appraisal as appraisal_services
from commissioning.services import evaluation
from commissioning.services import tenders as tender_services
from foundation.audit import audit_trail_for
from grants.questions import answers_for_display
from organisations.models import Organisation
from social_value.exports import csv_response

RUN = "commissioning.run_tender"


@permission_required(RUN, raise_exception=True)
def pipeline(request):
    state = request.GET.get("state", "")
    return render(
        request,
        "commissioning/pipeline.html",
        {
            "tenders": selectors.tender_pipeline(state=state)[:200],
            "commissions": selectors.commissions_with_appraisal()[:100],
            "states": TenderState.choices,
            "state": state,
        },
    )


@permission_required(RUN, raise_exception=True)
def commission_detail(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    errors = {}
    if request.method == "POST":
        try:
            appraisal_services.appraisal_record(
                commission=commission,
                actor=request.user,
                assets_considered=request.POST.get("assets_considered", ""),
                community_answer=request.POST.get("community_answer", ""),
                options_considered=request.POST.getlist("options_considered"),
                chosen=request.POST.get("chosen", ""),
                reason=request.POST.get("reason", ""),
            )
        except ValidationError as error:
            errors = error.message_dict
        else:
            messages.success(request, "The options appraisal is recorded.")
            return redirect("commission-detail", pk=pk)
    served = commission.neighbourhoods.all()
    return render(
        request,
        "commissioning/commission.html",
        {
            "commission": commission,
            "appraisal": getattr(commission, "appraisal", None),
            "options": Option.choices,
            "errors": errors,
            "posted": request.POST,
            # Ticked boxes come back ticked when something else needs fixing.
            "posted_options": request.POST.getlist("options_considered"),
            "organisations": Organisation.objects.filter(neighbourhoods__in=served).distinct()
            if served
            else [],
            "assets": Asset.objects.filter(neighbourhoods__in=served)
            .exclude(status=AssetStatus.LOST)
            .distinct()
            .order_by("kind", "name")
            if served
            else [],
            "interests": commission.expressions_of_interest.select_related("organisation"),
            "all_organisations": Organisation.objects.order_by("name"),
        },
        status=400 if errors else 200,
    )


@require_POST
@permission_required(RUN, raise_exception=True)
def expression_of_interest(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    organisation = Organisation.objects.filter(pk=request.POST.get("organisation") or 0).first()
    try:
        if organisation is None:
            raise ValidationError("Choose the organisation.")
        appraisal_services.expression_of_interest_record(
            commission=commission,
            organisation=organisation,
            summary=request.POST.get("summary", ""),
            actor=request.user,
        )
        messages.success(request, f"{organisation}'s expression of interest is recorded.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("commission-detail", pk=pk)


@permission_required(RUN, raise_exception=True)
def award_letters(request, pk):
    """Previews of the letters each bidder gets at intended award."""
    tender = get_object_or_404(Tender, pk=pk)
    bids = tender.bids.exclude(state__in=["draft", "withdrawn"]).select_related(
        "lot__winner__organisation", "organisation"
    )
    return render(
        request,
        "commissioning/award_letters.html",
        {"tender": tender, "letters": [(bid, selectors.bid_outcome(bid)) for bid in bids]},
    )


@permission_required(RUN, raise_exception=True)
def tender_manage(request, pk):
    tender = get_object_or_404(Tender.objects.select_related("commission", "call"), pk=pk)
    bids = list(selectors.evaluation_bids(tender))
    opened = tender.state in OPENED
    return render(
        request,
        "commissioning/tender_manage.html",
        {
            "tender": tender,
            "bids": bids,
            "opened": opened,
            "lots": [
                (lot, evaluation.lot_ranking(lot) if opened else []) for lot in tender.lots.all()
            ],
            "clarifications": tender.clarifications.select_related("organisation"),
            "history": audit_trail_for(tender),
        },
    )


ACTIONS = {
    "approve": (lambda t, r: tender_services.tender_approve(tender=t, actor=r.user), "Approved."),
    "publish": (lambda t, r: tender_services.tender_publish(tender=t, actor=r.user), "Published."),
    "open_bids": (
        lambda t, r: tender_services.tender_open_bids(tender=t, actor=r.user),
        "The bids are opened.",
    ),
    "moderation": (
        lambda t, r: evaluation.tender_start_moderation(tender=t, actor=r.user),
        "Moderation recorded.",
    ),
    "intended_award": (
        lambda t, r: evaluation.intended_award(
            tender=t,
            actor=r.user,
            reasons={lot.pk: r.POST.get(f"reason-{lot.pk}", "") for lot in t.lots.all()},
        ),
        "Intended award made; bidders are told and standstill has started.",
    ),
    "pause": (
        lambda t, r: evaluation.standstill_pause(
            tender=t, actor=r.user, reason=r.POST.get("reason", "")
        ),
        "Standstill paused.",
    ),
    "resume": (
        lambda t, r: evaluation.standstill_resume(tender=t, actor=r.user),
        "Standstill resumed.",
    ),
    "award": (
        lambda t, r: evaluation.tender_award(tender=t, actor=r.user, kpis=r.POST.get("kpis", "")),
        "Awarded; contracts recorded.",
    ),
    "cancel": (
        lambda t, r: tender_services.tender_cancel(
            tender=t, actor=r.user, reason=r.POST.get("reason", "")
        ),
        "The tender is cancelled and the reason published.",
    ),
}


@require_POST
@permission_required(RUN, raise_exception=True)
def tender_action(request, pk, action):
    tender = get_object_or_404(Tender, pk=pk)
    if action not in ACTIONS:
        raise PermissionDenied("Unknown action.")
    run, success = ACTIONS[action]
    try:
        run(tender, request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("tender-manage", pk=pk)


@require_POST
@permission_required(RUN, raise_exception=True)
def bid_compliance(request, pk):
    bid = get_object_or_404(Bid, pk=pk)
    try:
        evaluation.compliance_record(
            bid=bid,
            actor=request.user,
            compliant=request.POST.get("compliant") == "yes",
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("tender-manage", pk=bid.tender_id)


@require_POST
@permission_required(RUN, raise_exception=True)
def clarification_publish(request, pk):
    clarification = get_object_or_404(Clarification, pk=pk)
    try:
        tender_services.clarification_publish(
            clarification=clarification,
            actor=request.user,
            published_question=request.POST.get("published_question", ""),
            answer=request.POST.get("answer", ""),
        )
        messages.success(request, "Published to every interested bidder.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("tender-manage", pk=clarification.tender_id)


@permission_required(RUN, raise_exception=True)
def bids_csv(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    if tender.state not in OPENED:
        raise PermissionDenied(SEALED_MESSAGE)
    rows = []
    for bid in selectors.evaluation_bids(tender).prefetch_related("versions"):
        version = max(bid.versions.all(), key=lambda v: v.number, default=None)
        answers = answers_for_display(tender.questions, version.answers) if version else []
        rows.append(
            [
                bid.reference,
                bid.lot.number,
                bid.organisation.name,
                bid.get_state_display(),
                version.price if version else "",
                " | ".join(f"{label}: {value}" for label, value in answers),
            ]
        )
    return csv_response(
        filename=f"tender-{tender.pk}-bids.csv",
        header=["Reference", "Lot", "Organisation", "Stage", "Price", "Answers"],
        rows=rows,
    )


def bid_api(request, pk):
    """A bid as JSON for integrations: sealed like every other way in."""
    bid = get_object_or_404(Bid.objects.select_related("tender", "lot", "organisation"), pk=pk)
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Sign in to read bids."}, status=401)
    if not bid_readable_by(bid, request.user):
        return JsonResponse({"detail": SEALED_MESSAGE}, status=403)
    version = bid.versions.order_by("-number").first()
    return JsonResponse(
        {
            "reference": bid.reference,
            "tender": bid.tender_id,
            "lot": bid.lot.number,
            "organisation": bid.organisation.org_id,
            "state": bid.state,
            "price": str(version.price) if version else None,
            "answers": dict(answers_for_display(bid.tender.questions, version.answers))
            if version
            else {},
        }
    )
