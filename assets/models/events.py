"""What's on: events an asset's holder puts on (a coffee morning, a work
party in the garden), listed on the asset's page, its neighbourhoods'
pages and their iCalendar feeds."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from assets.models.assets import Asset


class AssetEvent(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    date = models.DateField()
    # Wall-clock times in the UK, as people read them on a poster: the feed
    # turns them into moments in Europe/London, summer time or not.
    starts = models.TimeField("start time")
    ends = models.TimeField("end time", null=True, blank=True)
    place = models.CharField(
        max_length=300, blank=True, help_text="Leave empty if it is at the asset's own address."
    )
    cost = models.CharField(
        max_length=200, blank=True, help_text="For example: Free, or £3 including lunch."
    )
    booking_link = models.URLField(
        "booking link", blank=True, help_text="Where to book, if people need to."
    )
    # Calendars recognise an event again by its UID: fixed when it is made,
    # so an edited event replaces itself in a subscriber's calendar.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "starts", "pk"]
        verbose_name = "What's on event"
        indexes = [models.Index(fields=["asset", "date"])]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def clean(self):
        if self.ends is not None and self.starts is not None and self.ends <= self.starts:
            raise ValidationError({"ends": "The end time must be after the start time."})

    @property
    def where(self) -> str:
        """The place given, or the asset's own address and postcode."""
        if self.place:
            return self.place
        parts = [self.asset.name, *self.asset.address.splitlines(), self.asset.postcode]
        return ", ".join(part.strip() for part in parts if part.strip())
