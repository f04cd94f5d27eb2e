"""The postcode directory: where each postcode is, so that a person can type
theirs and see what is near them. The council loads it from the ONS
Postcode Directory (`manage.py postcodes_load`)."""

from django.db import models


class Postcode(models.Model):
    """One postcode's centre, with the ward and LSOA it lies in when the
    directory gives them. The postcode is kept normalised ("AV1 2CK")."""

    postcode = models.CharField(max_length=8, unique=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    ward_code = models.CharField("ONS ward code", max_length=9, blank=True)
    lsoa_code = models.CharField("ONS LSOA code", max_length=9, blank=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode
