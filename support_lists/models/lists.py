"""Lists of support: the ones people save for themselves from the asset
map, and the recommended lists link workers build for the people they
support. Either is reached by a private link; no account is needed to
open it."""

from django.conf import settings
from django.db import models


class ListKind(models.TextChoices):
    PERSONAL = "personal", "Saved list"
    RECOMMENDED = "recommended", "Recommended list"


class SupportList(models.Model):
    kind = models.CharField(max_length=12, choices=ListKind.choices, default=ListKind.PERSONAL)
    # Only a hash of the private link's token is kept: the link is the only
    # key to the list, and a copy of the database must not open any list.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A link worker's list, for the person they support: "for" is a first
    # name or a reference the link worker chooses, nothing more.
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_lists",
    )
    made_for = models.CharField(
        "who it is for",
        max_length=60,
        blank=True,
        help_text="A first name or a reference you will recognise. Nothing else is needed.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated", "pk"]
        permissions = [("recommend", "Build recommended lists of support for people")]

    def __str__(self):
        if self.kind == ListKind.RECOMMENDED:
            return f"Recommended for {self.made_for}"
        return "Saved list of support"


class SupportListItem(models.Model):
    support_list = models.ForeignKey(SupportList, on_delete=models.CASCADE, related_name="items")
    asset = models.ForeignKey("assets.Asset", on_delete=models.CASCADE, related_name="+")
    note = models.TextField(
        blank=True, help_text="Why this could help, who to ask for, what to say when you call."
    )
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["support_list", "asset"], name="one_entry_per_asset")
        ]

    def __str__(self):
        return str(self.asset)
