"""The officer's view of a grant's monitoring: its schedule, its returns
with the programme's answers, and what people say (aggregated)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from grants.models import Award
from grants.questions import answers_for_display
from outcomes.access import is_officer
from outcomes.forms import ScheduleForm
from outcomes.models import ReturnSchedule
from outcomes.selectors import (
    MINIMUM_PEOPLE,
    instruments_for,
    khi_summary,
    monitoring_form_for,
    returns_with_answers,
)
from outcomes.services.returns import return_schedule_set


@login_required
def grant_monitoring(request, pk):
    if not is_officer(request.user):
        raise PermissionDenied("Only a grants officer can see this.")
    award = get_object_or_404(
        Award.objects.select_related("application__round__programme", "application__organisation"),
        pk=pk,
    )
    schedule = ReturnSchedule.objects.filter(award=award).first()
    form = ScheduleForm(
        request.POST if request.method == "POST" else None,
        initial={"every_months": schedule.every_months if schedule else None},
    )
    if request.method == "POST" and form.is_valid():
        schedule = return_schedule_set(
            award=award, every_months=form.cleaned_data["every_months"], actor=request.user
        )
        messages.success(
            request, f"Returns are now due {schedule.get_every_months_display().lower()}."
        )
        return redirect("outcomes:grant-monitoring", pk=award.pk)
    programme_form = monitoring_form_for(award)
    questions = programme_form.questions if programme_form else []
    returns = [
        (r, answers_for_display(questions, answers) if r.submitted_at and questions else [])
        for r, answers in returns_with_answers(award)
    ]
    return render(
        request,
        "outcomes/grant_monitoring.html",
        {
            "award": award,
            "application": award.application,
            "form": form,
            "schedule": schedule,
            "returns": returns,
            "instruments": instruments_for(award),
            "results": khi_summary(awards=[award]),
            "minimum": MINIMUM_PEOPLE,
        },
        status=400 if form.errors else 200,
    )
