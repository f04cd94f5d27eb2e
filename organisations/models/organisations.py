"""Partner organisations: the charities, groups and enterprises that apply,
bid and deliver."""

import contextlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from foundation.validators import postcode_normalise
from organisations import org_ids


class LegalForm(models.TextChoices):
    CHARITY = "charity", "Registered charity (trust or association)"
    CIO = "cio", "Charitable incorporated organisation (CIO)"
    CIC = "cic", "Community interest company (CIC)"
    COMPANY_LIMITED_BY_GUARANTEE = "clg", "Company limited by guarantee"
    COOPERATIVE = "coop", "Co-operative"
    COMMUNITY_BENEFIT_SOCIETY = "cbs", "Community benefit society"
    MUTUAL = "mutual", "Mutual"
    UNINCORPORATED_GROUP = "unincorporated", "Unincorporated community group"
    SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise"
    MICRO_ENTERPRISE = "micro_enterprise", "Micro-enterprise"
    SOLE_TRADER = "sole_trader", "Sole trader"
    PRIVATE_COMPANY = "private_company", "Private company"
    PUBLIC_BODY = "public_body", "Public body"


# Forms that exist only on a register: a CIO is always a registered
# charity; these are always companies at Companies House.
NEEDS_CHARITY_NUMBER = {LegalForm.CIO}
NEEDS_COMPANY_NUMBER = {
    LegalForm.CIC,
    LegalForm.COMPANY_LIMITED_BY_GUARANTEE,
    LegalForm.PRIVATE_COMPANY,
}
# Voluntary, community and social enterprise: flagged in open contracting data.
VCSE_FORMS = {
    LegalForm.CHARITY,
    LegalForm.CIO,
    LegalForm.CIC,
    LegalForm.COMPANY_LIMITED_BY_GUARANTEE,
    LegalForm.COOPERATIVE,
    LegalForm.COMMUNITY_BENEFIT_SOCIETY,
    LegalForm.MUTUAL,
    LegalForm.UNINCORPORATED_GROUP,
    LegalForm.SOCIAL_ENTERPRISE,
}


class WebsiteField(models.URLField):
    """A web address; one typed without a scheme is taken as https://."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    legal_form = models.CharField(max_length=32, choices=LegalForm.choices)
    charity_number = models.CharField(
        max_length=12,
        blank=True,
        help_text="England and Wales 1234567, Scotland SC012345, Northern Ireland NIC100002.",
    )
    company_number = models.CharField(
        max_length=12, blank=True, help_text="Companies House number, e.g. 01234567."
    )
    org_id = models.CharField(
        "organisation identifier",
        max_length=80,
        unique=True,
        editable=False,
        help_text="Derived from the charity or company number (org-id.guide).",
    )
    user_led = models.BooleanField(
        "user-led", default=False, help_text="Run by the people who use its services."
    )
    lived_experience_led = models.BooleanField("led by people with lived experience", default=False)
    neighbourhoods = models.ManyToManyField(
        "neighbourhoods.Neighbourhood", related_name="organisations", blank=True
    )
    staff_count = models.PositiveIntegerField("paid staff", default=0)
    volunteer_count = models.PositiveIntegerField("volunteers", default=0)
    staff_with_lived_experience_count = models.PositiveIntegerField(
        "paid staff with lived experience", default=0, validators=[MinValueValidator(0)]
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    website = WebsiteField(blank=True)
    email = models.EmailField("contact e-mail", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(staff_with_lived_experience_count__lte=models.F("staff_count")),
                name="lived_experience_staff_within_staff",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.numbers_normalise()
        # An unregistered group's identifier needs its own id, which exists
        # only after the first insert; a placeholder keeps the column unique.
        if self.pk is None and not (self.charity_number or self.company_number):
            self.org_id = f"pending-{uuid.uuid4()}"
            super().save(*args, **kwargs)
            self.org_id_refresh()
            type(self).objects.filter(pk=self.pk).update(org_id=self.org_id)
            return
        self.org_id_refresh()
        super().save(*args, **kwargs)

    def numbers_normalise(self) -> None:
        """Store each number in its one form even when saved without a form
        (an import, the shell), so comparisons never see two spellings."""
        for field, normalise in (
            ("charity_number", org_ids.charity_number_normalise),
            ("company_number", org_ids.company_number_normalise),
            ("postcode", postcode_normalise),
        ):
            # A number that is not valid is left as typed: clean() names it.
            with contextlib.suppress(ValidationError):
                setattr(self, field, normalise(getattr(self, field)))

    @property
    def is_vcse(self) -> bool:
        return self.legal_form in VCSE_FORMS

    def clean(self):
        errors = {}
        for field, normalise in (
            ("charity_number", org_ids.charity_number_normalise),
            ("company_number", org_ids.company_number_normalise),
            ("postcode", postcode_normalise),
        ):
            try:
                setattr(self, field, normalise(getattr(self, field)))
            except ValidationError as error:
                errors[field] = error.messages
        if self.legal_form in NEEDS_CHARITY_NUMBER and not self.charity_number:
            errors.setdefault("charity_number", []).append(
                "A CIO is always a registered charity: enter its charity number."
            )
        if self.legal_form in NEEDS_COMPANY_NUMBER and not self.company_number:
            errors.setdefault("company_number", []).append(
                f"A {self.get_legal_form_display()} is registered at Companies House: "
                "enter its company number."
            )
        if (self.staff_with_lived_experience_count or 0) > (self.staff_count or 0):
            errors.setdefault("staff_with_lived_experience_count", []).append(
                "This cannot be more than the number of paid staff."
            )
        if not errors and (self.charity_number or self.company_number):
            # Compared in their one form, so "0512345" finds "512345" and
            # "1234567" finds "01234567"; each number is checked, as well
            # as the identifier derived from the first of them.
            others = type(self).objects.exclude(pk=self.pk)
            taken = {
                field
                for field in ("charity_number", "company_number")
                if getattr(self, field) and others.filter(**{field: getattr(self, field)}).exists()
            }
            if others.filter(org_id=self.org_id_refresh()).exists():
                taken.add("charity_number" if self.charity_number else "company_number")
            for field in taken:
                errors[field] = [
                    "An organisation with this number is already registered here: "
                    "ask its organisation admin to invite you."
                ]
        if errors:
            raise ValidationError(errors)

    def org_id_refresh(self) -> str:
        """Derive the identifier from the current numbers (pure: no save)."""
        self.org_id = org_ids.org_id_derive(
            charity_number=self.charity_number,
            company_number=self.company_number,
            publisher=settings.THREESIXTYGIVING_PUBLISHER,
            local_id=f"ORG-{self.pk}" if self.pk else "",
        )
        return self.org_id
