"""Answering through an anonymous link: no account, no sign-in, nothing
kept that names the person. The page sets no session, and nothing here
reads the visitor's address."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from outcomes.forms import InstrumentAnswersForm
from outcomes.models import AnswerLink, Given
from outcomes.services.answers import response_record


def _closed(request):
    return render(request, "outcomes/link_closed.html", status=404)


@never_cache
def answer(request, token):
    link = (
        AnswerLink.objects.select_related("instrument", "award__application__organisation")
        .filter(token=token, closed_at__isnull=True)
        .first()
    )
    if link is None:
        return _closed(request)
    form = InstrumentAnswersForm(
        request.POST if request.method == "POST" else None, instrument=link.instrument
    )
    if request.method == "POST" and form.is_valid():
        try:
            response_record(
                award=link.award,
                instrument=link.instrument,
                scores=form.scores(),
                given=Given.PERSON,
                link=link,
            )
        except PermissionDenied:
            return _closed(request)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("outcomes:answer-thanks", token=token)
    return render(
        request,
        "outcomes/answer.html",
        {"link": link, "organisation": link.award.application.organisation, "form": form},
        status=400 if form.errors else 200,
    )


def thanks(request, token):
    return render(request, "outcomes/answer_thanks.html")
