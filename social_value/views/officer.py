"""The officer's pages for a call: progress, moderation, ranking, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from foundation import work_cache
from foundation.exports import csv_response
from social_value import permissions, selectors
from social_value.models import Call, CallState
from social_value.ranking_table import ranking_lines
from social_value.services import calls as call_services
from social_value.services import moderation as moderation_services
from social_value.services import panels as panel_services


def _call_for(request, pk, *, check) -> Call:
    call = get_object_or_404(Call.objects.select_related("panel", "framework"), pk=pk)
    if not check(call=call, user=request.user):
        raise PermissionDenied("You do not work on this call.")
    return call


@login_required
def call_overview(request, pk):
    call = _call_for(request, pk, check=permissions.can_oversee)
    submissions = call.submissions.select_related("organisation").prefetch_related(
        "assignments__member__user"
    )
    members = list(call.panel.members.select_related("user")) if call.panel_id else []
    matrix = []
    for submission in submissions:
        by_member = {a.member_id: a for a in submission.assignments.all()}
        matrix.append((submission, [by_member.get(m.pk) for m in members]))
    return render(
        request,
        "social_value/call_overview.html",
        {
            "call": call,
            "members": members,
            "matrix": matrix,
            "progress": selectors.call_progress(call=call),
            "problems": call_services.call_criteria_problems(call=call)
            + panel_services.panel_problems(call=call)
            if call.state == CallState.SETUP
            else [],
            "can_manage": permissions.can_manage(call=call, user=request.user),
            "can_moderate": permissions.can_moderate(call=call, user=request.user),
        },
    )


def _act(request, action, pk, success):
    call = get_object_or_404(Call, pk=pk)
    try:
        action(call=call, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def call_open_scoring(request, pk):
    _act(request, call_services.call_open_scoring, pk, "Scoring is open.")
    return redirect("call-overview", pk=pk)


@login_required
@require_POST
def call_assign(request, pk):
    call = get_object_or_404(Call, pk=pk)
    try:
        created = panel_services.assignments_generate(call=call, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{created} new assignments made.")
    return redirect("call-overview", pk=pk)


@login_required
@require_POST
def call_open_moderation(request, pk):
    _act(request, moderation_services.call_open_moderation, pk, "Moderation is open.")
    return redirect("call-moderation", pk=pk)


@login_required
def call_ranking(request, pk):
    call = _call_for(request, pk, check=permissions.can_moderate)
    return work_cache.page(request, lambda: _ranking_page(request, call))


def _ranking_page(request, call):
    return render(
        request,
        "social_value/call_ranking.html",
        {
            "call": call,
            "lines": ranking_lines(call=call),
            "confirmed": call.rankings.select_related("confirmed_by").first(),
            "can_confirm": call.state == CallState.MODERATION
            and permissions.can_manage(call=call, user=request.user),
        },
    )


@login_required
@require_POST
def call_confirm_ranking(request, pk):
    _act(request, moderation_services.ranking_confirm, pk, "The ranking is confirmed.")
    return redirect("call-ranking", pk=pk)


@login_required
def call_ranking_csv(request, pk):
    call = _call_for(request, pk, check=permissions.can_moderate)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    return csv_response(
        filename=f"ranking-call-{call.pk}-{stamp}.csv",
        header=[
            "Rank",
            "Reference",
            "Organisation",
            "Title",
            "Quality",
            "Social value",
            "Price score",
            "Total",
            "Excluded because",
        ],
        rows=(
            [
                line.row.rank or "",
                line.row.reference,
                line.organisation,
                line.title,
                line.quality,
                line.social_value,
                line.price_score,
                line.total,
                "; ".join(line.row.excluded_reasons),
            ]
            for line in ranking_lines(call=call)
        ),
    )
