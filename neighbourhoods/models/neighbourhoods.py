"""Neighbourhoods as the people who live there name them."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify

from foundation.validators import validate_boundary_geojson, validate_ons_codes


class Neighbourhood(models.Model):
    """A place people recognise ("Canal Side", "The Heights"), not an
    administrative boundary. ONS codes are optional and only help line the
    neighbourhood up with official statistics and open data."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=140, unique=True, blank=True, help_text="Left blank, it is made from the name."
    )
    description = models.TextField(blank=True)
    boundary = models.JSONField(
        "boundary (GeoJSON)",
        null=True,
        blank=True,
        validators=[validate_boundary_geojson],
        help_text="Optional. A GeoJSON Polygon or MultiPolygon in longitude/latitude.",
    )
    ons_codes = models.JSONField(
        "ONS ward or LSOA codes",
        default=list,
        blank=True,
        validators=[validate_ons_codes],
        help_text="Optional, for matching official statistics, e.g. E05011234.",
    )
    population = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:140]
        super().save(*args, **kwargs)

    def clean(self):
        if not self.slug:
            self.slug = slugify(self.name)[:140]
