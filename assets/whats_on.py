"""What's on, read: the upcoming events of an asset or of a
neighbourhood's assets, and the same events as an iCalendar feed.

Events are kept as a day with wall-clock start and end times, as posters
give them; the feed turns them into moments in Europe/London, so an event
at 7pm in July is 18:00 UTC and one at 7pm in December is 19:00 UTC."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event

from assets.models import Asset, AssetEvent
from assets.selectors import LIVE

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Common Ground//What's on//EN"


def events_upcoming(
    *, asset=None, neighbourhood=None, today: date | None = None, limit: int | None = None
) -> QuerySet[AssetEvent]:
    """Events from today on, of one asset or of every listed asset in a
    neighbourhood, soonest first."""
    today = today or timezone.localdate()
    events = AssetEvent.objects.filter(date__gte=today, asset__in=_assets(asset, neighbourhood))
    events = events.select_related("asset").order_by("date", "starts", "pk")
    return events[:limit] if limit else events


def _assets(asset, neighbourhood):
    assets = Asset.objects.filter(LIVE)
    if asset is not None:
        assets = assets.filter(pk=asset.pk)
    if neighbourhood is not None:
        assets = assets.filter(neighbourhoods=neighbourhood)
    return assets.values("pk")


def _moment(day: date, time) -> datetime:
    return datetime.combine(day, time, tzinfo=LONDON)


def events_ical(events, *, name: str, url_for) -> bytes:
    """The events as an iCalendar (RFC 5545) file. `url_for(event)` gives
    the public page each event links to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    for event in events:
        entry = Event()
        # Stable across edits and hosts: calendars replace the event they hold.
        entry.add("uid", f"{event.uid}@whats-on")
        entry.add("dtstamp", event.updated.astimezone(ZoneInfo("UTC")))
        entry.add("summary", event.title)
        entry.add("dtstart", _moment(event.date, event.starts))
        if event.ends:
            entry.add("dtend", _moment(event.date, event.ends))
        entry.add("location", event.where)
        details = [event.description, f"Cost: {event.cost}" if event.cost else ""]
        if event.booking_link:
            details.append(f"Book: {event.booking_link}")
        description = "\n\n".join(part for part in details if part)
        if description:
            entry.add("description", description)
        entry.add("url", url_for(event))
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
