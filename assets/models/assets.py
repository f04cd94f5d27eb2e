"""Community assets and Asset of Community Value listings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from taggit.managers import TaggableManager

from assets import acv
from foundation.calendar import FIRST_YEAR as CALENDAR_FIRST_YEAR
from foundation.calendar import LAST_YEAR as CALENDAR_LAST_YEAR
from foundation.calendar import CalendarOutOfRange
from foundation.validators import boundary_contains, coordinates_problems
from organisations.models import LegalForm


class AssetKind(models.TextChoices):
    BUILDING_OR_LAND = "building_land", "Building or land"
    GREEN_SPACE = "green_space", "Green space"
    COMMUNITY_GROUP = "community_group", "Community group or association"
    SERVICE = "service", "Charity or social enterprise service"
    MICRO_ENTERPRISE = "micro_enterprise", "Micro-enterprise supporting people with direct payments"
    FUNDING = "funding", "Funding source"
    VOLUNTEERING = "volunteering", "Volunteering and social action"
    SKILLS = "skills", "Skills and people"


# Organisations counted as micro-enterprises: very small local businesses,
# often one person, that people pay with a direct payment.
MICRO_FORMS = {LegalForm.MICRO_ENTERPRISE, LegalForm.SOLE_TRADER}


class AssetCost(models.TextChoices):
    FREE = "free", "Free"
    LOW = "low", "Low cost"
    PAID = "paid", "Paid"


class AssetStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    AT_RISK = "at_risk", "At risk"
    LOST = "lost", "Lost"


class Asset(models.Model):
    kind = models.CharField(max_length=20, choices=AssetKind.choices)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assets",
    )
    neighbourhoods = models.ManyToManyField(
        "neighbourhoods.Neighbourhood", related_name="assets", blank=True
    )
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=AssetStatus.choices, default=AssetStatus.ACTIVE
    )
    last_confirmed = models.DateField(default=timezone.localdate)
    # Who can use it and how, in the words a resident would look for.
    availability = models.CharField(
        "opening times",
        max_length=300,
        blank=True,
        help_text="When it is open or available, e.g. Tuesdays 12–2pm.",
    )
    cost = models.CharField(max_length=10, choices=AssetCost.choices, blank=True)
    cost_details = models.CharField("about the cost", max_length=300, blank=True)
    # People spending a personal budget or direct payment look for these.
    accepts_personal_budgets = models.BooleanField(
        "accepts personal budgets or direct payments",
        default=False,
        help_text="People can pay with a personal budget, health budget or direct payment.",
    )
    accessibility = models.TextField(
        blank=True, help_text="Step-free access, hearing loop, quiet room, languages spoken."
    )
    address = models.TextField(
        blank=True, help_text="Where to find it: building, street and town (the postcode apart)."
    )
    getting_there = models.TextField(
        "how to get there",
        blank=True,
        help_text="Buses, trains, parking, the nearest step-free route, which door to use.",
    )
    volunteering = models.TextField(
        "how to volunteer or get involved",
        blank=True,
        help_text="What people can help with and how to offer; empty if no help is needed.",
    )
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    website = models.URLField(blank=True)
    tags = TaggableManager(blank=True, help_text="Words people search by, e.g. food, dementia.")
    # When anything about it last changed: with the number of assets, it
    # tells the map's cached GeoJSON whether it is still current.
    updated = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        # Imported and edited assets alike must sit in the UK: a swapped
        # pair would put the asset off the coast of Somalia on the map.
        problems, _, _ = coordinates_problems(self.latitude, self.longitude)
        if problems:
            raise ValidationError(
                {"latitude": [problem[0].upper() + problem[1:] + "." for problem in problems]}
            )

    @property
    def is_micro_enterprise(self) -> bool:
        """A micro-enterprise's offer, by its kind or by the legal form of
        the organisation that runs it (a sole trader is one too)."""
        if self.kind == AssetKind.MICRO_ENTERPRISE:
            return True
        organisation = self.organisation
        return organisation is not None and organisation.legal_form in MICRO_FORMS

    def outside_neighbourhoods(self) -> list[str]:
        """The names of its neighbourhoods whose boundary does not hold the
        asset's point: worth a warning, not a refusal (boundaries are drawn
        roughly, and a hall on a boundary road serves both sides)."""
        if self.latitude is None or self.longitude is None or not self.pk:
            return []
        return [
            n.name
            for n in self.neighbourhoods.all()
            if boundary_contains(n.boundary, self.latitude, self.longitude) is False
        ]


def _when_known(period, day):
    """The period's last day, or None before a date is given or when the
    date lies outside the calendar (the form refuses such a date)."""
    if day is None:
        return None
    try:
        return period(day)
    except CalendarOutOfRange:
        return None


class AcvDecision(models.TextChoices):
    PENDING = "pending", "Waiting for the council's decision"
    LISTED = "listed", "Listed"
    REFUSED = "refused", "Not listed"
    REMOVED = "removed", "Removed from the list"


class AcvListing(models.Model):
    """A nomination of an asset as an Asset of Community Value and, if it is
    listed, its listing and any disposal. Dates follow `assets.acv`."""

    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="acv_listings")
    nominated_by = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="acv_nominations"
    )
    nominated_on = models.DateField()
    decision = models.CharField(
        max_length=10, choices=AcvDecision.choices, default=AcvDecision.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    disposal_notice_on = models.DateField(null=True, blank=True)
    community_bid_requested_on = models.DateField(null=True, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who looks after this listing.",
    )

    class Meta:
        ordering = ["-nominated_on"]
        verbose_name = "Asset of Community Value listing"

    def __str__(self):
        return f"{self.asset} ({self.get_decision_display().lower()})"

    @property
    def decision_due(self):
        return _when_known(acv.decision_due, self.nominated_on)

    @property
    def listed_until(self):
        if self.decision != AcvDecision.LISTED:
            return None
        return _when_known(acv.listing_ends, self.decided_on)

    @property
    def interim_moratorium_ends(self):
        return _when_known(acv.interim_moratorium_ends, self.disposal_notice_on)

    @property
    def full_moratorium_ends(self):
        if not self.community_bid_requested_on:
            return None
        return _when_known(acv.full_moratorium_ends, self.disposal_notice_on)

    @property
    def protected_period_ends(self):
        return _when_known(acv.protected_period_ends, self.disposal_notice_on)

    def clean(self):
        errors = {}
        for field in ("nominated_on", "decided_on", "disposal_notice_on"):
            day = getattr(self, field)
            if day and (day.year < CALENDAR_FIRST_YEAR or day.year > CALENDAR_LAST_YEAR - 20):
                errors[field] = "Check the year: the date is too far from today to be right."
        if errors:
            raise ValidationError(errors)
        if self.decided_on and self.nominated_on and self.decided_on < self.nominated_on:
            errors["decided_on"] = "The decision cannot come before the nomination."
        if self.decision in (AcvDecision.LISTED, AcvDecision.REFUSED) and not self.decided_on:
            errors["decided_on"] = "Give the date of the decision."
        if self.community_bid_requested_on and not self.disposal_notice_on:
            errors["community_bid_requested_on"] = (
                "A request to bid follows a notice of disposal: give the date of the notice first."
            )
        elif self.community_bid_requested_on:
            closed = self.interim_moratorium_ends
            if self.community_bid_requested_on < self.disposal_notice_on:
                errors["community_bid_requested_on"] = (
                    "A request to bid cannot come before the notice of disposal."
                )
            elif self.community_bid_requested_on > closed:
                errors["community_bid_requested_on"] = (
                    "A request to bid must come within the 6-week interim moratorium, "
                    f"which closed on {closed.day} {closed:%B %Y}."
                )
        if errors:
            raise ValidationError(errors)
