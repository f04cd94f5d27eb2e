"""Bids: sealed until the tender closes, revisable until the deadline, every
submitted version kept; and the contracts that follow an award.

draft → submitted (sealed) → opened → (non_compliant | compliant) → scored
→ moderated → (successful | unsuccessful); withdrawn before the deadline.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description

from foundation.files import PrivateName, private_storage

COMMISSIONER = "commissioning.run_tender"


class BidState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted (sealed)"
    OPENED = "opened", "Opened"
    NON_COMPLIANT = "non_compliant", "Non-compliant"
    COMPLIANT = "compliant", "Compliant"
    SCORED = "scored", "Scored"
    MODERATED = "moderated", "Moderated"
    SUCCESSFUL = "successful", "Successful"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Bid(FSMModelMixin, models.Model):
    tender = models.ForeignKey(
        "commissioning.Tender", on_delete=models.PROTECT, related_name="bids"
    )
    lot = models.ForeignKey("commissioning.Lot", on_delete=models.PROTECT, related_name="bids")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="bids"
    )
    reference = models.CharField(max_length=30, unique=True)
    # The working draft; what counts is the latest submitted version.
    draft_answers = models.JSONField(default=dict, blank=True)
    draft_price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    # Social value promised: measure code -> {"quantity": "400", "evidence": "..."}.
    draft_commitments = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    state = FSMField(default=BidState.DRAFT, choices=BidState.choices, protected=True)
    compliance_reason = models.TextField(blank=True)
    outcome_reason = models.TextField(blank=True)
    submission = models.OneToOneField(
        "social_value.Submission",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bid",
    )

    class Meta:
        ordering = ["lot", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["lot", "organisation"],
                condition=~models.Q(state="withdrawn"),
                name="one_live_bid_per_lot",
            )
        ]
        indexes = [models.Index(fields=["tender", "state"])]

    def __str__(self):
        return self.reference

    def _move(source, target, permission=None):
        def decorate(func):
            return fsm_log_by(
                fsm_log_description(
                    transition(field="state", source=source, target=target, permission=permission)(
                        func
                    )
                )
            )

        return decorate

    @_move([BidState.DRAFT, BidState.SUBMITTED], BidState.SUBMITTED)
    def submit(self, *, by, description=None):
        pass

    @_move([BidState.DRAFT, BidState.SUBMITTED], BidState.WITHDRAWN)
    def withdraw(self, *, by, description=None):
        pass

    @_move(BidState.SUBMITTED, BidState.OPENED, COMMISSIONER)
    def open(self, *, by, description=None):
        pass

    @_move(BidState.OPENED, BidState.COMPLIANT, COMMISSIONER)
    def mark_compliant(self, *, by, reason="", description=None):
        self.compliance_reason = reason

    @_move(BidState.OPENED, BidState.NON_COMPLIANT, COMMISSIONER)
    def mark_non_compliant(self, *, by, reason, description=None):
        self.compliance_reason = reason

    @_move(BidState.COMPLIANT, BidState.SCORED, COMMISSIONER)
    def mark_scored(self, *, by, description=None):
        pass

    @_move(BidState.SCORED, BidState.MODERATED, COMMISSIONER)
    def mark_moderated(self, *, by, description=None):
        pass

    @_move(BidState.MODERATED, BidState.SUCCESSFUL, COMMISSIONER)
    def win(self, *, by, reason, description=None):
        self.outcome_reason = reason

    @_move([BidState.MODERATED, BidState.NON_COMPLIANT], BidState.UNSUCCESSFUL, COMMISSIONER)
    def lose(self, *, by, reason, description=None):
        self.outcome_reason = reason

    del _move


class BidVersion(models.Model):
    """A submitted version, kept for good; the latest one is the bid."""

    bid = models.ForeignKey(Bid, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    answers = models.JSONField()
    price = models.DecimalField(max_digits=14, decimal_places=2)
    commitments = models.JSONField(default=dict, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "number"]
        constraints = [models.UniqueConstraint(fields=["bid", "number"], name="bid_version")]

    def __str__(self):
        return f"{self.bid} version {self.number}"


class BidDocument(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="documents")
    question_id = models.CharField(max_length=64)
    file = models.FileField(storage=private_storage, upload_to=PrivateName("bids"))
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.original_name


class Contract(models.Model):
    """The contract after award; its social value commitments are the
    winning bid's, carried over through the bid's scoring submission."""

    lot = models.OneToOneField(
        "commissioning.Lot", on_delete=models.PROTECT, related_name="contract"
    )
    bid = models.OneToOneField(Bid, on_delete=models.PROTECT, related_name="contract")
    supplier = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="contracts"
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)
    starts_on = models.DateField()
    ends_on = models.DateField()
    kpis = models.TextField("key performance indicators", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.lot} with {self.supplier}"
