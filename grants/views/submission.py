"""Check your answers, submit, and the confirmation: the end of applying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from grants.forms import SubmitForm
from grants.models import State
from grants.questions import answers_for_display
from grants.services import applying
from grants.views.applicant import _files_of, _own_application
from social_value.promises import framework_measures, promises_valued


@login_required
def application_check(request, pk):
    application = _own_application(request, pk)
    if application.state != State.DRAFT:
        return redirect("application-detail", pk=application.pk)
    if request.method == "POST":
        form = SubmitForm(request.POST)
        try:
            applying.application_submit(
                application=application,
                actor=request.user,
                # A page without the version it showed submits nothing unseen.
                expected_version=form.cleaned_data["version"] if form.is_valid() else -1,
            )
        except ValidationError as error:
            # The check page shows every remaining problem with a link to fix it.
            if not hasattr(error, "error_dict"):
                messages.error(request, " ".join(error.messages))
            return redirect("application-check", pk=application.pk)
        return redirect("application-submitted", pk=application.pk)
    promised, promised_total = promises_valued(
        framework_measures(application.round.call.framework), application.promises
    )
    return render(
        request,
        "grants/application_check.html",
        {
            "application": application,
            "problems": applying.application_problems(application),
            # (question, answer, the field its Change link goes to)
            "answers": [
                (label, value, f"q_{block.id}")
                for (label, value), block in zip(
                    answers_for_display(
                        application.round.questions,
                        application.answers,
                        files=_files_of(application),
                    ),
                    application.round.questions,
                    strict=True,
                )
            ],
            "promised": promised,
            "promised_total": promised_total,
            "closes": applying.closes_in_words(application.round),
            "submit_form": SubmitForm(initial={"version": application.version}),
        },
    )


@login_required
def application_submitted(request, pk):
    application = _own_application(request, pk)
    if application.state == State.DRAFT:
        return redirect("application-check", pk=application.pk)
    return render(request, "grants/application_submitted.html", {"application": application})
