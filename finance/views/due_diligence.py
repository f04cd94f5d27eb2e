"""The officer's due diligence page: each check the programme requires,
recorded as done by whom, before the offer can be sent."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from finance.forms import DueDiligenceForm
from finance.services import due_diligence
from finance.views.common import OFFICER, refusal_show
from grants.models import Application


@permission_required(OFFICER, raise_exception=True)
def due_diligence_page(request, pk):
    application = get_object_or_404(
        Application.objects.select_related("round__programme", "organisation"), pk=pk
    )
    done = {record.kind: record for record in application.due_diligence.select_related("done_by")}
    sent = request.POST.get("check") if request.method == "POST" else None
    forms, status = [], 200
    for check in due_diligence.required_checks(application):
        bound = check.value == sent
        initial = {}
        if check.value == "registration":
            organisation = application.organisation
            initial["register_number"] = organisation.charity_number or organisation.company_number
        form = DueDiligenceForm(request.POST if bound else None, check=check, initial=initial)
        if bound and form.is_valid():
            try:
                due_diligence.due_diligence_record(
                    application=application,
                    actor=request.user,
                    kind=check.value,
                    note=form.cleaned_data["note"],
                    register_number=form.cleaned_data.get("register_number", ""),
                    registered_as=form.cleaned_data.get("registered_as", ""),
                )
            except ValidationError as error:
                refusal_show(form, error)
            else:
                messages.success(request, f"{check.label} recorded as checked.")
                return redirect("finance:due-diligence", pk=application.pk)
        if bound and form.errors:
            status = 400
        forms.append((check, done.get(check.value), form))
    return render(
        request,
        "finance/due_diligence.html",
        {
            "application": application,
            "checks": forms,
            "refused": next((form for _c, _d, form in forms if form.errors), None),
            "outstanding": [check for check, record, _f in forms if record is None],
        },
        status=status,
    )
