"""The moderation sheet: one submission at a time, every criterion's
moderated score and rationale in its one form, and a button that accepts
the scores the panel agreed on, so only the criteria where members
disagreed need typing. Below it, every submission in a line: where the
panel disagrees and how much is moderated, each a link to its form.

A call of 200 submissions drew 1,600 forms on one page (megabytes of HTML);
now the page holds one submission's forms, whatever the call's size."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from foundation import work_cache
from foundation.templatetags.govuk import error_target, field_errors
from social_value import permissions, selectors
from social_value.forms import ModerationForm
from social_value.models import CallState, Submission
from social_value.moderation_summary import moderation_summary
from social_value.services import moderation as moderation_services
from social_value.views.officer import _call_for


def _forms(call, row, data=None) -> dict[int, ModerationForm]:
    """A form per cell of the row, by criterion pk."""
    return {
        cell.criterion.pk: ModerationForm(
            data, scale=call.scale, cell=(row.submission.pk, cell.criterion.pk)
        )
        for cell in row.cells
    }


def _problems(forms) -> list[tuple[str, str]]:
    """The error summary's lines: each links to the box it is about."""
    problems = []
    for form in forms:
        problems += [("", error) for error in form.non_field_errors()]
        for field in form:
            problems += [(error_target(field), error) for error in field_errors(field)]
    return problems


def _current(summary, wanted) -> int | None:
    """The submission asked for, else the first with anything left to
    moderate, else the first."""
    if any(line.submission_pk == wanted for line in summary):
        return wanted
    unfinished = (line.submission_pk for line in summary if not line.done)
    return next(unfinished, summary[0].submission_pk if summary else None)


def _wanted(request) -> int | None:
    try:
        return int(request.GET.get("submission", ""))
    except ValueError:
        return None


def _sheet(request, call, *, refused=None, status=200):
    """`refused` is (submission pk, its forms) sent back with their problems,
    so everything chosen and typed is shown again beside them."""
    editable = call.state == CallState.MODERATION
    summary = moderation_summary(call=call)
    current = _current(summary, refused[0] if refused else _wanted(request))
    row = None
    if current is not None:
        (row,) = selectors.moderation_sheet(call=call, submission_pk=current)
    sheet = []
    if row is not None:
        if not editable:
            forms = {}
        elif refused:
            forms = refused[1]
        else:
            forms = _forms(call, row)
        agreed = [cell for cell in row.cells if cell.agreed is not None and not cell.moderated]
        sheet.append((row, [(cell, forms.get(cell.criterion.pk)) for cell in row.cells], agreed))
    problems = _problems(refused[1].values()) if refused else []
    return render(
        request,
        "social_value/call_moderation.html",
        {
            "call": call,
            "sheet": sheet,
            "current": row,
            "current_pk": current,
            "summary": summary,
            "editable": editable,
            "problems": problems,
        },
        status=status,
    )


@login_required
def call_moderation(request, pk):
    call = _call_for(request, pk, check=permissions.can_moderate)
    if call.state not in (CallState.MODERATION, CallState.RANKED):
        messages.info(request, "The moderation sheet opens once every score is in.")
        return redirect("call-overview", pk=call.pk)
    return work_cache.page(request, lambda: _sheet(request, call))


@login_required
@require_POST
def call_moderate_submission(request, pk, submission_pk):
    """Record what was entered for one submission; "Accept the agreed
    scores" also records the panel's agreed score for each criterion left
    blank where members did not disagree."""
    call = _call_for(request, pk, check=permissions.can_moderate)
    submission = get_object_or_404(Submission, pk=submission_pk, call=call)
    (row,) = selectors.moderation_sheet(call=call, submission_pk=submission.pk)
    forms = _forms(call, row, request.POST)
    accept = request.POST.get("action") == "accept"
    cells = {}
    for cell in row.cells:
        form = forms[cell.criterion.pk]
        if not form.is_valid():
            continue
        if form.entered():
            data = form.cleaned_data
            answer = "passed" if cell.criterion.kind == "gateway" else "score"
            cells[cell.criterion] = {answer: data[answer], "rationale": data["rationale"]}
        elif accept and cell.agreed is not None and not cell.moderated:
            scores = ", ".join(str(value) for value in sorted(cell.values))
            cells[cell.criterion] = {
                "score": cell.agreed,
                "rationale": f"The panel agreed: {scores}.",
            }
    if all(form.is_valid() for form in forms.values()):
        if not cells:
            messages.info(request, f"Nothing was entered for {submission.reference}.")
            sheet = reverse("call-moderation", args=[call.pk])
            return redirect(f"{sheet}?submission={submission.pk}#s{submission.pk}")
        try:
            recorded = moderation_services.moderation_record_cells(
                submission=submission, actor=request.user, cells=cells
            )
        except moderation_services.CellsRefused as refusal:
            for criterion_pk, error in refusal.problems.items():
                form = forms[criterion_pk]
                if not hasattr(error, "error_dict"):
                    form.add_error(None, error.messages)
                    continue
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(
                request,
                f"Recorded {len(recorded)} moderated "
                f"score{'s' if len(recorded) != 1 else ''} for {submission.reference}.",
            )
            # On to the next submission with anything left to moderate.
            return redirect("call-moderation", pk=call.pk)
    return _sheet(request, call, refused=(submission.pk, forms), status=400)
