"""The grant holder's monitoring return: the standard parts and the
programme's own questions on one page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from grants.forms import MonitoringReturnForm
from grants.models import MonitoringReturn
from grants.questions import build_application_form
from outcomes.access import is_grant_holder
from outcomes.selectors import instruments_for, monitoring_form_for
from outcomes.services.returns import monitoring_return_file
from social_value.selectors import commitments_delivery


def errors_onto(error: ValidationError, *forms) -> None:
    """Put each problem next to its field, whichever form holds it."""
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages_ in problems.items():
        target = next((f for f in forms if field in f.fields), forms[0])
        target.add_error(field if field in target.fields else None, messages_)


@login_required
def monitoring_return(request, pk):
    return_ = get_object_or_404(
        MonitoringReturn.objects.select_related(
            "award__application__round__programme", "award__application__organisation"
        ),
        pk=pk,
    )
    award, application = return_.award, return_.award.application
    if not is_grant_holder(request.user, award):
        raise PermissionDenied("This grant belongs to another organisation.")
    if return_.submitted_at is not None:
        messages.info(request, "This return has already been sent.")
        return redirect("application-detail", pk=application.pk)
    commitments = (
        [line.commitment for line in commitments_delivery(submission=application.submission)]
        if application.submission_id
        else []
    )
    data = request.POST if request.method == "POST" else None
    programme_form = monitoring_form_for(award)
    standard = MonitoringReturnForm(data, commitments=commitments)
    questions = build_application_form(
        programme_form.questions if programme_form else [], data=data
    )
    if request.method == "POST" and all([standard.is_valid(), questions.is_valid()]):
        try:
            monitoring_return_file(
                monitoring_return=return_,
                actor=request.user,
                narrative=standard.cleaned_data["narrative"] or "",
                spend_to_date=standard.cleaned_data["spend_to_date"],
                outcomes=standard.cleaned_data["outcomes"] or "",
                connections_helped=standard.cleaned_data["connections_helped"],
                delivered=standard.delivered(),
                answers=questions.answers(),
            )
        except ValidationError as error:
            errors_onto(error, standard, questions)
        else:
            messages.success(request, "Thank you: your return is sent.")
            return redirect("application-detail", pk=application.pk)
    failed = bool(standard.errors or questions.errors)
    return render(
        request,
        "outcomes/return.html",
        {
            "return": return_,
            "application": application,
            "award": award,
            "standard": standard,
            "questions": questions,
            "instruments": instruments_for(award),
        },
        status=400 if failed else 200,
    )
