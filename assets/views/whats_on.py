"""What's on: the holder's pages for their asset's events (in the portal),
and the public iCalendar feeds of an asset's and a neighbourhood's events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from assets.event_forms import AssetEventForm
from assets.models import Asset, AssetEvent
from assets.selectors import LIVE
from assets.services import events as services
from assets.whats_on import events_ical, events_upcoming
from neighbourhoods.models import Neighbourhood


def _asset_for_editor(request, pk) -> Asset:
    asset = get_object_or_404(Asset.objects.select_related("organisation"), pk=pk)
    if not services.event_may_edit(asset=asset, actor=request.user):
        raise PermissionDenied("Only the organisation that holds this listing can add events.")
    return asset


@login_required
def asset_events(request, pk):
    asset = _asset_for_editor(request, pk)
    return render(
        request,
        "assets/whats_on_manage.html",
        {"asset": asset, "events": asset.events.filter(date__gte=timezone.localdate())},
    )


@login_required
def asset_event_edit(request, pk, event_pk=None):
    asset = _asset_for_editor(request, pk)
    event = get_object_or_404(AssetEvent, pk=event_pk, asset=asset) if event_pk else None
    form = AssetEventForm(request.POST if request.method == "POST" else None, instance=event)
    if request.method == "POST" and form.is_valid():
        saved = services.event_save(
            asset=asset, actor=request.user, data=form.cleaned_data, event=event
        )
        messages.success(request, f"“{saved.title}” is on the listing’s What’s on.")
        return redirect("asset-events", pk=asset.pk)
    return render(
        request,
        "assets/whats_on_form.html",
        {"asset": asset, "event": event, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def asset_event_remove(request, pk, event_pk):
    asset = _asset_for_editor(request, pk)
    event = get_object_or_404(AssetEvent, pk=event_pk, asset=asset)
    services.event_remove(event=event, actor=request.user)
    messages.success(request, f"“{event.title}” is taken off What’s on.")
    return redirect("asset-events", pk=asset.pk)


def _feed(request, events, *, name: str, filename: str) -> HttpResponse:
    def url_for(event):
        return request.build_absolute_uri(reverse("asset-detail", args=[event.asset_id]))

    response = HttpResponse(
        events_ical(events, name=name, url_for=url_for), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def asset_events_ical(request, pk):
    asset = get_object_or_404(Asset.objects.filter(LIVE), pk=pk)
    return _feed(
        request,
        events_upcoming(asset=asset),
        name=f"What’s on at {asset.name}",
        filename=f"whats-on-{asset.pk}.ics",
    )


def neighbourhood_events_ical(request, slug):
    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    return _feed(
        request,
        events_upcoming(neighbourhood=neighbourhood),
        name=f"What’s on in {neighbourhood.name}",
        filename=f"whats-on-{neighbourhood.slug}.ics",
    )
