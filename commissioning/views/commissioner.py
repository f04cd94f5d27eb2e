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
from commissioning.forms import (
    ApprovalForm,
    CancelForm,
    ClarificationPublishForm,
    ComplianceForm,
    ExpressionOfInterestForm,
    IntendedAwardForm,
    PauseForm,
    PipelineFilterForm,
    SendBackForm,
    errors_onto,
)
from commissioning.models import Bid, BidState, Clarification, Commission, Tender, TenderState
from commissioning.services import appraisal as appraisal_services
from commissioning.services import evaluation
from commissioning.services import tenders as tender_services
from commissioning.set_up import commission_tasks
from foundation.audit import audit_trail_for
from foundation.exports import csv_response
from foundation.templatetags.uk import pounds
from grants.questions import answers_for_display
from organisations.models import Organisation

RUN = "commissioning.run_tender"


@permission_required(RUN, raise_exception=True)
def pipeline(request):
    form = PipelineFilterForm(request.GET)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    return render(
        request,
        "commissioning/pipeline.html",
        {
            "form": form,
            "tenders": selectors.tender_pipeline(state=state)[:200],
            "commissions": selectors.commissions_with_appraisal()[:100],
            "state": state,
        },
    )


def _commission_page(request, commission, *, interest_form=None):
    """The commission's task list with what the appraisal draws on; a form
    that came back with problems is shown as posted, with a 400."""
    served = commission.neighbourhoods.all()
    return render(
        request,
        "commissioning/commission.html",
        {
            "commission": commission,
            "tasks": commission_tasks(commission),
            "appraisal": getattr(commission, "appraisal", None),
            "interest_form": interest_form or ExpressionOfInterestForm(),
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
        },
        status=400 if interest_form else 200,
    )


@permission_required(RUN, raise_exception=True)
def commission_detail(request, pk):
    return _commission_page(request, get_object_or_404(Commission, pk=pk))


@require_POST
@permission_required(RUN, raise_exception=True)
def expression_of_interest(request, pk):
    commission = get_object_or_404(Commission, pk=pk)
    form = ExpressionOfInterestForm(request.POST)
    if form.is_valid():
        try:
            appraisal_services.expression_of_interest_record(
                commission=commission, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            organisation = form.cleaned_data["organisation"]
            messages.success(request, f"{organisation}'s expression of interest is recorded.")
            return redirect("commission-detail", pk=pk)
    return _commission_page(request, commission, interest_form=form)


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


def _tender(pk) -> Tender:
    return get_object_or_404(Tender.objects.select_related("commission", "call"), pk=pk)


@permission_required(RUN, raise_exception=True)
def tender_manage(request, pk):
    return _tender_page(request, _tender(pk))


def _tender_page(request, tender, *, posted=None):
    """The tender with its timeline and every form for its stage. `posted`
    is (which form, the form) when one came back with problems: it is shown
    as typed, with its errors, and the page answers 400."""
    which, bound = posted or (None, None)

    def pick(key, fresh):
        return bound if key == which else fresh

    opened = tender.state in OPENED
    lots = list(tender.lots.all())
    return render(
        request,
        "commissioning/tender_manage.html",
        {
            "tender": tender,
            "opened": opened,
            # (bid, its compliance form while it waits for the check)
            "bids": [
                (
                    bid,
                    pick(("compliance", bid.pk), ComplianceForm(bid=bid))
                    if opened and bid.state == BidState.OPENED
                    else None,
                )
                for bid in selectors.evaluation_bids(tender)
            ],
            "lots": [(lot, evaluation.lot_ranking(lot) if opened else []) for lot in lots],
            # (clarification, its publishing form until it is published)
            "clarifications": [
                (
                    item,
                    None
                    if item.published_at
                    else pick(
                        ("clarification", item.pk), ClarificationPublishForm(clarification=item)
                    ),
                )
                for item in tender.clarifications.select_related("organisation")
            ],
            "approval_form": pick("approve", ApprovalForm()),
            "send_back_form": pick("send_back", SendBackForm()),
            "approval_problems": tender_services.tender_approval_problems(tender)
            if tender.state == TenderState.DRAFT
            else [],
            "award_form": pick("intended_award", IntendedAwardForm(lots=lots)),
            "pause_form": pick("pause", PauseForm()),
            "cancel_form": pick("cancel", CancelForm()),
            "error_form": bound,
            "history": audit_trail_for(tender),
        },
        status=400 if bound else 200,
    )


# Moves with nothing to fill in: (the service, what to say when done).
ACTIONS = {
    "send_for_approval": (
        tender_services.tender_send_for_approval,
        "Sent for approval: another commissioner approves it.",
    ),
    "publish": (tender_services.tender_publish, "Published."),
    "open_bids": (tender_services.tender_open_bids, "The bids are opened."),
    "moderation": (evaluation.tender_start_moderation, "Moderation recorded."),
    "resume": (evaluation.standstill_resume, "Standstill resumed."),
    "award": (evaluation.tender_award, "Awarded; contracts recorded."),
}

# Moves with a form: (the form, the service given the valid form, what to say when done).
FORM_ACTIONS = {
    "approve": (
        lambda tender, data: ApprovalForm(data),
        lambda tender, actor, form: tender_services.tender_approve(
            tender=tender, actor=actor, **form.cleaned_data
        ),
        "Approved.",
    ),
    "send_back": (
        lambda tender, data: SendBackForm(data),
        lambda tender, actor, form: tender_services.tender_send_back(
            tender=tender, actor=actor, **form.cleaned_data
        ),
        "Sent back to its author as a draft.",
    ),
    "intended_award": (
        lambda tender, data: IntendedAwardForm(data, lots=tender.lots.all()),
        lambda tender, actor, form: evaluation.intended_award(
            tender=tender, actor=actor, reasons=form.reasons()
        ),
        "Intended award made; bidders are told and standstill has started.",
    ),
    "pause": (
        lambda tender, data: PauseForm(data),
        lambda tender, actor, form: evaluation.standstill_pause(
            tender=tender, actor=actor, **form.cleaned_data
        ),
        "Standstill paused.",
    ),
    "cancel": (
        lambda tender, data: CancelForm(data),
        lambda tender, actor, form: tender_services.tender_cancel(
            tender=tender, actor=actor, **form.cleaned_data
        ),
        "The tender is cancelled and the reason published.",
    ),
}


@require_POST
@permission_required(RUN, raise_exception=True)
def tender_action(request, pk, action):
    tender = _tender(pk)
    if action in FORM_ACTIONS:
        return _tender_form_action(request, tender, action)
    if action not in ACTIONS:
        raise PermissionDenied("Unknown action.")
    service, success = ACTIONS[action]
    try:
        service(tender=tender, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("tender-manage", pk=pk)


def _tender_form_action(request, tender, action):
    make, run, success = FORM_ACTIONS[action]
    form = make(tender, request.POST)
    if form.is_valid():
        try:
            run(tender, request.user, form)
        except ValidationError as error:
            errors_onto(form, error, field_for=getattr(form, "field_for", None))
        else:
            messages.success(request, success)
            return redirect("tender-manage", pk=tender.pk)
    return _tender_page(request, tender, posted=(action, form))


@require_POST
@permission_required(RUN, raise_exception=True)
def bid_compliance(request, pk):
    bid = get_object_or_404(Bid, pk=pk)
    form = ComplianceForm(request.POST, bid=bid)
    if form.is_valid():
        try:
            evaluation.compliance_record(bid=bid, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return redirect("tender-manage", pk=bid.tender_id)
    return _tender_page(request, _tender(bid.tender_id), posted=(("compliance", bid.pk), form))


@require_POST
@permission_required(RUN, raise_exception=True)
def clarification_publish(request, pk):
    clarification = get_object_or_404(Clarification, pk=pk)
    form = ClarificationPublishForm(request.POST, clarification=clarification)
    if form.is_valid():
        try:
            tender_services.clarification_publish(
                clarification=clarification, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, "Published to every interested bidder.")
            return redirect("tender-manage", pk=clarification.tender_id)
    tender = _tender(clarification.tender_id)
    return _tender_page(request, tender, posted=(("clarification", clarification.pk), form))


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
                pounds(version.price) if version else "",
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
