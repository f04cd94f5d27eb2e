"""The officer's page for moving an announced round's dates."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from foundation.deadlines import deadline_changes, when
from grants.forms import RoundDateForm
from grants.models import Round
from grants.services.deadlines import ROUND_MANAGER, round_date_change


@permission_required(ROUND_MANAGER, raise_exception=True)
def round_deadline(request, pk):
    round_ = get_object_or_404(Round.objects.select_related("programme"), pk=pk)
    form = RoundDateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            change = round_date_change(
                round_=round_,
                field=form.cleaned_data["which"],
                new=form.cleaned_data["new_deadline"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            form.errors_from(error)
        else:
            messages.success(
                request,
                f"The {change.label} is now {when(change.new_value)}. "
                "Every organisation with an application has been told.",
            )
            return redirect("grants-round-dashboard", pk=round_.pk)
    return render(
        request,
        "grants/officer/round_deadline.html",
        {
            "round": round_,
            "form": form,
            "announced": round_.is_announced(),
            "changes": deadline_changes(round_),
        },
        status=400 if form.errors else 200,
    )
