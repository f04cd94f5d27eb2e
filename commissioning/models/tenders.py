"""Tenders and their lots, interest and clarifications.

draft → awaiting approval → approved → published → closed → evaluation → moderation →
intended_award → standstill → awarded → contracted; cancelled from any
state before award, with a reason that is published.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description
from wagtail.fields import StreamField

from commissioning.models.appraisal import OptionsAppraisal
from foundation.files import PrivateName, private_storage
from grants.questions import QuestionsBlock

COMMISSIONER = "commissioning.run_tender"


class Procedure(models.TextChoices):
    OPEN = "open", "Open procedure"
    COMPETITIVE_FLEXIBLE = "competitive_flexible", "Competitive flexible procedure"
    QUOTATION = "quotation", "Below-threshold quotation"


class TenderState(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Open for bids"
    CLOSED = "closed", "Closed: bids sealed"
    EVALUATION = "evaluation", "Evaluation"
    MODERATION = "moderation", "Moderation"
    INTENDED_AWARD = "intended_award", "Intended award"
    STANDSTILL = "standstill", "Standstill"
    AWARDED = "awarded", "Awarded"
    CONTRACTED = "contracted", "Contracted"
    CANCELLED = "cancelled", "Cancelled"


# Not yet public: bidders and the public site see nothing of these.
UNPUBLISHED = [TenderState.DRAFT, TenderState.AWAITING_APPROVAL, TenderState.APPROVED]

BEFORE_AWARD = [
    *UNPUBLISHED,
    TenderState.PUBLISHED,
    TenderState.CLOSED,
    TenderState.EVALUATION,
    TenderState.MODERATION,
    TenderState.INTENDED_AWARD,
    TenderState.STANDSTILL,
]


class Tender(FSMModelMixin, models.Model):
    commission = models.ForeignKey(
        "commissioning.Commission", on_delete=models.PROTECT, related_name="tenders"
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    estimated_value = models.DecimalField("estimated value (£)", max_digits=14, decimal_places=2)
    procedure = models.CharField(max_length=30, choices=Procedure.choices)
    clarification_deadline = models.DateTimeField()
    submission_deadline = models.DateTimeField()
    # The closing date as first published: with every notice since (see
    # foundation.deadlines), what bids are opened against.
    deadline_as_published = models.DateTimeField(null=True, blank=True, editable=False)
    expected_award = models.DateField()
    contract_starts = models.DateField()
    contract_ends = models.DateField()
    call = models.OneToOneField(
        "social_value.Call",
        on_delete=models.PROTECT,
        related_name="tender",
        help_text="Criteria and weights (social value at least 10%), scale and panel.",
    )
    questions = StreamField(QuestionsBlock(), blank=True)
    state = FSMField(default=TenderState.DRAFT, choices=TenderState.choices, protected=True)
    # Separation of duties: whoever sends the tender for approval cannot
    # approve it (commissioning.services.tenders).
    sent_for_approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    cancel_reason = models.TextField(blank=True)
    standstill_ends_on = models.DateField(null=True, blank=True)
    standstill_paused_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-submission_deadline"]
        permissions = [("run_tender", "Can run tenders: approve, open, evaluate, award")]
        indexes = [models.Index(fields=["state", "submission_deadline"])]

    def __str__(self):
        return self.title

    def has_appraisal(self) -> bool:
        return OptionsAppraisal.objects.filter(commission_id=self.commission_id).exists()

    def is_past_deadline(self) -> bool:
        return timezone.now() >= self.submission_deadline

    def standstill_is_over(self) -> bool:
        return (
            not self.standstill_paused_reason
            and self.standstill_ends_on is not None
            and timezone.localdate() > self.standstill_ends_on
        )

    def _move(source, target, conditions=(), permission=COMMISSIONER):
        def decorate(func):
            return fsm_log_by(
                fsm_log_description(
                    transition(
                        field="state",
                        source=source,
                        target=target,
                        conditions=list(conditions),
                        permission=permission,
                    )(func)
                )
            )

        return decorate

    @_move(TenderState.DRAFT, TenderState.AWAITING_APPROVAL, [has_appraisal])
    def send_for_approval(self, *, by, description=None):
        self.sent_for_approval_by = by

    @_move(TenderState.AWAITING_APPROVAL, TenderState.DRAFT)
    def send_back(self, *, by, description=None):
        self.sent_for_approval_by = None

    @_move(TenderState.AWAITING_APPROVAL, TenderState.APPROVED, [has_appraisal])
    def approve(self, *, by, description=None):
        pass

    @_move(TenderState.APPROVED, TenderState.PUBLISHED)
    def publish(self, *, by, description=None):
        pass

    @_move(TenderState.PUBLISHED, TenderState.CLOSED, [is_past_deadline], permission=None)
    def close(self, *, by=None, description=None):
        pass

    @_move(TenderState.CLOSED, TenderState.EVALUATION)
    def open_bids(self, *, by, description=None):
        pass

    @_move(TenderState.EVALUATION, TenderState.MODERATION)
    def start_moderation(self, *, by, description=None):
        pass

    @_move(TenderState.MODERATION, TenderState.INTENDED_AWARD)
    def decide_intended_award(self, *, by, description=None):
        pass

    @_move(TenderState.INTENDED_AWARD, TenderState.STANDSTILL)
    def start_standstill(self, *, by, ends_on, description=None):
        self.standstill_ends_on = ends_on

    @_move(TenderState.STANDSTILL, TenderState.AWARDED, [standstill_is_over])
    def award(self, *, by, description=None):
        pass

    @_move(TenderState.AWARDED, TenderState.CONTRACTED)
    def record_contracts(self, *, by, description=None):
        pass

    @_move(BEFORE_AWARD, TenderState.CANCELLED)
    def cancel(self, *, by, reason, description=None):
        self.cancel_reason = reason

    del _move


class Lot(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="lots")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    estimated_value = models.DecimalField(max_digits=14, decimal_places=2)
    winner = models.OneToOneField(
        "commissioning.Bid", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    award_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["tender", "number"]
        constraints = [models.UniqueConstraint(fields=["tender", "number"], name="lot_number")]

    def __str__(self):
        return f"Lot {self.number}: {self.title}"


class TenderDocument(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(storage=private_storage, upload_to=PrivateName("tenders"))

    def __str__(self):
        return self.title


class Interest(models.Model):
    """An organisation registered as interested: it hears every published
    clarification and every reminder."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tender", "organisation"], name="one_interest_each")
        ]

    def __str__(self):
        return f"{self.organisation} interested in {self.tender}"


class Clarification(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="clarifications")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    question = models.TextField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    published_question = models.TextField(
        blank=True, help_text="Reworded so it does not reveal who asked."
    )
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at"]

    def __str__(self):
        return f"Clarification on {self.tender}"
