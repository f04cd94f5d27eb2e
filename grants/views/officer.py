"""The grants officer's pages: round dashboard, application list, the
application with its history and actions, and decisions in batches."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from foundation import work_cache
from foundation.deadlines import deadline_changes
from grants import hooks, selectors
from grants.eligibility import eligibility_checks, is_eligible
from grants.forms import (
    ApplicationFilterForm,
    DecisionFormSet,
    InformationRequestForm,
    OfferForm,
    ReasonForm,
)
from grants.models import Application, Payment, Round, State
from grants.questions import answers_for_display
from grants.services import assessment, awards
from organisations.selectors import bank_details_payable
from social_value.selectors import ranking_for

OFFICER = "grants.assess_application"


@permission_required(OFFICER, raise_exception=True)
def round_dashboard(request, pk):
    round_ = get_object_or_404(Round.objects.select_related("programme", "call"), pk=pk)
    return render(
        request,
        "grants/officer/round_dashboard.html",
        {
            "round": round_,
            "date_changes": deadline_changes(round_),
            **selectors.round_dashboard(round_=round_),
        },
    )


@permission_required(OFFICER, raise_exception=True)
def application_list(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    return work_cache.page(request, lambda: _application_list(request, round_))


def _application_list(request, round_):
    form = ApplicationFilterForm(request.GET)
    form.is_valid()  # a refused filter is shown with its message and left out
    applications = selectors.applications_for_officer(round_=round_, **form.filters())
    page = Paginator(applications, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "grants/officer/application_list.html",
        {"round": round_, "page": page, "form": form, "query": query.urlencode()},
        status=400 if form.errors else 200,
    )


@permission_required(OFFICER, raise_exception=True)
def application_manage(request, pk):
    """The application and the officer's next step."""
    application = get_object_or_404(
        Application.objects.select_related("round__call", "organisation"), pk=pk
    )
    files = {d.question_id: d for d in application.documents.all()}
    award = getattr(application, "award", None)
    return render(
        request,
        "grants/officer/application.html",
        {
            "application": application,
            "checks": eligibility_checks(application),
            "eligible": is_eligible(application),
            "answers": answers_for_display(
                application.round.questions,
                application.answers,
                files={k: d.original_name for k, d in files.items()},
            ),
            "documents": list(files.values()),
            "requests": application.information_requests.select_related("requested_by"),
            "history": selectors.application_history(application),
            "award": award,
            "reason_form": ReasonForm(),
            "request_form": InformationRequestForm(),
            "offer_form": OfferForm(),
            "payments": [
                (payment, None) for payment in award.payments.select_related("approved_by")
            ]
            if award
            else [],
            # Due diligence, the agreement, claims: pages of the apps built on grants.
            "officer_links": hooks.officer_links(application, request.user),
            "payments_held": bank_details_payable(organisation=application.organisation)
            if award
            else "",
        },
    )


def _act(request, pk, action, success):
    application = get_object_or_404(Application, pk=pk)
    try:
        action(application)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("application-manage", pk=pk)


@require_POST
@permission_required(OFFICER, raise_exception=True)
def eligibility_decide(request, pk):
    # Which button was pressed; the reason is the one field typed.
    eligible = request.POST.get("eligible") == "yes"
    form = ReasonForm(request.POST)
    form.is_valid()  # an optional text box: always sound
    return _act(
        request,
        pk,
        lambda a: assessment.eligibility_decide(
            application=a,
            actor=request.user,
            eligible=eligible,
            reason=form.cleaned_data.get("reason", ""),
        ),
        "Marked eligible." if eligible else "Marked not eligible; the applicant is told why.",
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def information_request(request, pk):
    form = InformationRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write the question for the applicant.")
        return redirect("application-manage", pk=pk)
    return _act(
        request,
        pk,
        lambda a: assessment.information_request(
            application=a, actor=request.user, question=form.cleaned_data["question"]
        ),
        "Your question is sent to the applicant.",
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def panel_send(request, pk):
    return _act(
        request,
        pk,
        lambda a: assessment.panel_send(application=a, actor=request.user),
        "Sent to the panel.",
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def offer_send(request, pk):
    form = OfferForm(request.POST)
    if not form.is_valid():
        for field, problems in form.errors.items():
            messages.error(
                request,
                f"{form.fields[field].label if field in form.fields else ''}: {' '.join(problems)}",
            )
        return redirect("application-manage", pk=pk)
    return _act(
        request,
        pk,
        lambda a: awards.offer_send(
            application=a,
            actor=request.user,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
            payments=form.cleaned_data["payments"],
            return_dates=form.cleaned_data["return_dates"],
            terms=form.cleaned_data["terms"],
        ),
        "The offer is sent.",
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def payment_approve(request, pk):
    payment = get_object_or_404(Payment.objects.select_related("award"), pk=pk)
    return _act(
        request,
        payment.award.application_id,
        lambda a: awards.payment_approve(payment=payment, actor=request.user),
        "Payment approved. The finance team releases it.",
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def grant_complete(request, pk):
    return _act(
        request,
        pk,
        lambda a: awards.grant_complete(application=a, actor=request.user),
        "The grant is complete.",
    )


def _waiting_in_rank_order(round_) -> list:
    """(ranking row, application) for each application waiting for a decision."""
    waiting = {
        a.submission_id: a
        for a in Application.objects.filter(
            round=round_, state__in=[State.PANEL, State.WAITLISTED]
        ).select_related("organisation")
    }
    return [
        (row, waiting[row.submission_id])
        for row in ranking_for(call=round_.call)
        if row.submission_id in waiting
    ]


@permission_required(OFFICER, raise_exception=True)
def decisions(request, pk):
    """Decisions in a batch: all recorded, or, if any row has a problem, none."""
    round_ = get_object_or_404(Round.objects.select_related("call"), pk=pk)
    ranked = _waiting_in_rank_order(round_)
    formset = DecisionFormSet(
        request.POST if request.method == "POST" else None,
        applications=[application for _row, application in ranked],
        round_=round_,
        auto_id="%s",
    )
    if request.method == "POST" and formset.is_valid():
        try:
            decided = assessment.decisions_record(
                round_=round_, actor=request.user, decisions=formset.decisions()
            )
        except ValidationError as error:
            formset.refusals_add(error)
        else:
            messages.success(request, f"{len(decided)} decisions recorded.")
            return redirect("grants-decisions", pk=round_.pk)
    dashboard = selectors.round_dashboard(round_=round_)
    refused = formset.is_bound and not formset.is_valid()
    return render(
        request,
        "grants/officer/decisions.html",
        {
            "round": round_,
            "formset": formset,
            "rows": list(zip([row for row, _application in ranked], formset, strict=True)),
            "refused": refused,
            "remaining": dashboard["remaining"],
            "committed": dashboard["committed"],
        },
        status=400 if refused else 200,
    )
