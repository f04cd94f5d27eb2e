"""What people tell you: the grant holder's page for collecting answers to
the programme's instruments, by link or by entering them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from grants.models import Award
from outcomes.access import is_grant_holder
from outcomes.forms import InstrumentAnswersForm
from outcomes.models import AnswerLink, Given
from outcomes.selectors import MINIMUM_PEOPLE, instruments_for, khi_summary, open_links
from outcomes.services.answers import answer_link_close, answer_link_make, response_record


def _own_award(request, pk) -> Award:
    award = get_object_or_404(
        Award.objects.select_related("application__round__programme", "application__organisation"),
        pk=pk,
    )
    if not is_grant_holder(request.user, award):
        raise PermissionDenied("This grant belongs to another organisation.")
    return award


def _instrument(award, instrument_pk):
    for instrument in instruments_for(award):
        if instrument.pk == int(instrument_pk):
            return instrument
    raise PermissionDenied("This programme does not ask these questions.")


@login_required
def people_say(request, pk):
    award = _own_award(request, pk)
    links = open_links(award)
    instruments = [
        (
            instrument,
            request.build_absolute_uri(
                reverse("outcomes:answer", args=[links[instrument.pk].token])
            )
            if instrument.pk in links
            else "",
            links.get(instrument.pk),
        )
        for instrument in instruments_for(award)
    ]
    return render(
        request,
        "outcomes/people_say.html",
        {
            "award": award,
            "application": award.application,
            "instruments": instruments,
            "results": khi_summary(awards=[award]),
            "minimum": MINIMUM_PEOPLE,
        },
    )


@login_required
@require_POST
def link_make(request, pk, instrument_pk):
    award = _own_award(request, pk)
    instrument = _instrument(award, instrument_pk)
    try:
        answer_link_make(award=award, instrument=instrument, actor=request.user)
        messages.success(request, f"Your link for {instrument} is ready to give out.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("outcomes:people-say", pk=award.pk)


@login_required
@require_POST
def link_close(request, pk, link_pk):
    award = _own_award(request, pk)
    link = get_object_or_404(AnswerLink, pk=link_pk, award=award)
    answer_link_close(link=link, actor=request.user)
    messages.success(request, "The link is closed: it no longer works.")
    return redirect("outcomes:people-say", pk=award.pk)


@login_required
def answers_enter(request, pk, instrument_pk):
    award = _own_award(request, pk)
    instrument = _instrument(award, instrument_pk)
    form = InstrumentAnswersForm(
        request.POST if request.method == "POST" else None, instrument=instrument
    )
    if request.method == "POST" and form.is_valid():
        try:
            response_record(
                award=award,
                instrument=instrument,
                scores=form.scores(),
                given=Given.GRANT_HOLDER,
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "One person's answers are saved. No name is kept.")
            return redirect("outcomes:people-say", pk=award.pk)
    return render(
        request,
        "outcomes/answers_enter.html",
        {"award": award, "application": award.application, "instrument": instrument, "form": form},
        status=400 if form.errors else 200,
    )
