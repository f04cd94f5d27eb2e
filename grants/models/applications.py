"""An application for a grant and its lifecycle.

draft → submitted → eligibility → (ineligible | assessment) ⇄ more_info →
panel → (approved | declined | waitlisted) → offer → (accepted | refused)
→ active → completed; withdrawn from any state before a decision.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description

from foundation.files import PrivateName, private_storage


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    ELIGIBILITY = "eligibility", "Eligibility check"
    INELIGIBLE = "ineligible", "Not eligible"
    ASSESSMENT = "assessment", "In assessment"
    MORE_INFO = "more_info", "More information requested"
    PANEL = "panel", "With the panel"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WAITLISTED = "waitlisted", "Waiting list"
    OFFER = "offer", "Offer sent"
    ACCEPTED = "accepted", "Offer accepted"
    REFUSED = "refused", "Offer declined"
    ACTIVE = "active", "Grant active"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


BEFORE_DECISION = [
    State.DRAFT,
    State.SUBMITTED,
    State.ELIGIBILITY,
    State.ASSESSMENT,
    State.MORE_INFO,
    State.PANEL,
    State.WAITLISTED,
]
OFFICER = "grants.assess_application"


def _records_first_payment(instance, user) -> bool:
    # The grant goes live with its first payment, which the finance team
    # records (grants.services.awards.payment_mark_paid).
    return user.has_perm(OFFICER) or user.has_perm("grants.export_payments")


class Application(FSMModelMixin, models.Model):
    round = models.ForeignKey("grants.Round", on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="grant_applications"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(max_length=30, unique=True)
    project_title = models.CharField(max_length=200)
    amount_requested = models.DecimalField(
        "amount asked for (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    annual_income = models.DecimalField(
        "organisation's annual income (£)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    answers = models.JSONField(default=dict, blank=True)
    # Social value promised: measure code -> {"quantity": "400", "evidence": "..."}.
    promises = models.JSONField(default=dict, blank=True)
    # Bumped on every save of the draft: a save based on an older version is
    # refused, so two members editing at once never overwrite each other.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    state = FSMField(default=State.DRAFT, choices=State.choices, protected=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    eligibility_override_reason = models.TextField(blank=True)
    decision_reason = models.TextField(blank=True)
    approved_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    submission = models.OneToOneField(
        "social_value.Submission",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_application",
    )

    class Meta:
        ordering = ["-pk"]
        permissions = [("assess_application", "Can assess and decide grant applications")]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"],
                condition=~models.Q(state="withdrawn"),
                name="one_live_application_per_round",
            )
        ]
        indexes = [models.Index(fields=["round", "state"])]

    def __str__(self):
        return f"{self.reference} {self.project_title}"

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.DRAFT, target=State.SUBMITTED)
    def submit(self, *, by, description=None):
        self.submitted_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.SUBMITTED, target=State.ELIGIBILITY, permission=OFFICER)
    def start_eligibility_check(self, *, by=None, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.ELIGIBILITY, target=State.ASSESSMENT, permission=OFFICER)
    def mark_eligible(self, *, by, override_reason="", description=None):
        self.eligibility_override_reason = override_reason

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.ELIGIBILITY, target=State.INELIGIBLE, permission=OFFICER)
    def mark_ineligible(self, *, by, reason, description=None):
        self.decision_reason = reason
        self.decided_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.ASSESSMENT, target=State.MORE_INFO, permission=OFFICER)
    def request_more_info(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.MORE_INFO, target=State.ASSESSMENT)
    def provide_more_info(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.ASSESSMENT, target=State.PANEL, permission=OFFICER)
    def send_to_panel(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=[State.PANEL, State.WAITLISTED],
        target=State.APPROVED,
        permission=OFFICER,
    )
    def approve(self, *, by, amount, reason, description=None):
        self.approved_amount = amount
        self.decision_reason = reason
        self.decided_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=[State.PANEL, State.WAITLISTED],
        target=State.DECLINED,
        permission=OFFICER,
    )
    def decline(self, *, by, reason, description=None):
        self.decision_reason = reason
        self.decided_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.PANEL, target=State.WAITLISTED, permission=OFFICER)
    def waitlist(self, *, by, reason, description=None):
        self.decision_reason = reason

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.APPROVED, target=State.OFFER, permission=OFFICER)
    def send_offer(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.OFFER, target=State.ACCEPTED)
    def accept_offer(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.OFFER, target=State.REFUSED)
    def refuse_offer(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state, source=State.ACCEPTED, target=State.ACTIVE, permission=_records_first_payment
    )
    def activate(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=State.ACTIVE, target=State.COMPLETED, permission=OFFICER)
    def complete(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=BEFORE_DECISION, target=State.WITHDRAWN)
    def withdraw(self, *, by, description=None):
        pass


class ApplicationDocument(models.Model):
    """A file uploaded in answer to a file question; the latest one for a
    question is the answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    question_id = models.CharField(max_length=64)
    file = models.FileField(storage=private_storage, upload_to=PrivateName("applications"))
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class InformationRequest(models.Model):
    """An officer's question while assessing; the clock runs until answered."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]

    def __str__(self):
        return f"Question on {self.application}"
