"""The commissioner's "Change the deadline" page for a published tender."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from commissioning.models import Tender, TenderState
from commissioning.models.tenders import COMMISSIONER
from commissioning.services.deadlines import TENDER_DEADLINES, tender_deadline_change
from foundation.deadlines import deadline_changes, when
from foundation.forms import DeadlineChangeForm


@permission_required(COMMISSIONER, raise_exception=True)
def tender_deadline(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    if tender.state != TenderState.PUBLISHED:
        messages.error(request, "Only an open tender's deadlines can be changed.")
        return redirect("tender-manage", pk=pk)
    form = DeadlineChangeForm(
        request.POST if request.method == "POST" else None,
        deadlines=TENDER_DEADLINES,
        initial={"which": "submission_deadline"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            change = tender_deadline_change(
                tender=tender,
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
                "Every organisation taking part has been told.",
            )
            return redirect("tender-manage", pk=pk)
    return render(
        request,
        "commissioning/tender_deadline.html",
        {
            "tender": tender,
            "form": form,
            "current": [
                (label, getattr(tender, field)) for field, label in TENDER_DEADLINES.items()
            ],
            "changes": deadline_changes(tender),
        },
        status=400 if form.is_bound else 200,
    )
