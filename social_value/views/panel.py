"""The panel member's pages: assignments, declarations, scoring. Made for
a phone as much as a desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from foundation import work_cache
from social_value import selectors
from social_value.forms import DeclarationForm, ScoresForm
from social_value.models import Assignment, AssignmentState, CriterionKind
from social_value.scales import scale_points
from social_value.services.panels import conflict_declare
from social_value.services.scoring import scores_save


def _own_assignment(request, pk) -> Assignment:
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "submission__call", "submission__organisation", "member__user"
        ),
        pk=pk,
    )
    if assignment.member.user_id != request.user.pk:
        raise PermissionDenied("This submission is not assigned to you.")
    if assignment.state == AssignmentState.RECUSED:
        raise PermissionDenied(
            "You declared a conflict of interest, so this submission is closed to you."
        )
    return assignment


@login_required
def panel_dashboard(request):
    return work_cache.page(request, lambda: _panel_dashboard(request))


def _panel_dashboard(request):
    assignments = selectors.member_assignments(user=request.user)
    return render(
        request,
        "social_value/panel_dashboard.html",
        {
            "assignments": selectors.panel_lines(assignments=assignments),
            "progress": selectors.progress_counts(assignments=assignments),
        },
    )


def _submission_page(request, assignment, *, declaration_form=None, scores_form=None, status=200):
    submission = assignment.submission
    call = submission.call
    criteria = [c for c in call.criteria.all() if c.kind == CriterionKind.SCORED]
    context = {
        "assignment": assignment,
        "submission": submission,
        "call": call,
        "criteria": criteria,
        "points": scale_points(call.scale),
    }
    if assignment.state == AssignmentState.AWAITING_DECLARATION:
        context["declaration_form"] = declaration_form or DeclarationForm()
        return render(request, "social_value/panel_declare.html", context, status=status)
    own = {s.criterion_id: (s.score, s.comment) for s in assignment.scores.all()}
    context.update(
        commitments=submission.commitments.select_related("measure"),
        commitments_total=selectors.commitments_total(submission=submission),
        scores_form=scores_form
        or ScoresForm(criteria=criteria, scale=call.scale, initial_scores=own),
        own_scores=own,
        panel_scores=selectors.submitted_scores(submission=submission)
        if selectors.scores_visible_to(submission=submission, user=request.user)
        else None,
    )
    return render(request, "social_value/panel_submission.html", context, status=status)


@login_required
def panel_submission(request, pk):
    return _submission_page(request, _own_assignment(request, pk))


@login_required
@require_POST
def panel_declare(request, pk):
    assignment = _own_assignment(request, pk)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        try:
            assignment = conflict_declare(
                assignment=assignment, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            if assignment.state == AssignmentState.RECUSED:
                messages.success(request, "Thank you. You are recused from this submission.")
                return redirect("panel-dashboard")
            return redirect("panel-submission", pk=assignment.pk)
    return _submission_page(request, assignment, declaration_form=form, status=400)


@login_required
@require_POST
def panel_score(request, pk):
    assignment = _own_assignment(request, pk)
    call = assignment.submission.call
    criteria = [c for c in call.criteria.all() if c.kind == CriterionKind.SCORED]
    form = ScoresForm(request.POST, criteria=criteria, scale=call.scale)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            scores_save(
                assignment=assignment, user=request.user, entries=form.entries(), submit=submit
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for key, problems in error.message_dict.items():
                    form.add_error(f"score_{key}" if str(key).isdigit() else None, problems)
            else:
                form.add_error(None, error)
        else:
            if submit:
                messages.success(request, "Your scores are submitted. Thank you.")
            else:
                messages.success(request, "Your draft scores are saved.")
            return redirect("panel-submission", pk=assignment.pk)
    return _submission_page(request, assignment, scores_form=form, status=400)
