"""Panels, their members, and who scores which submission."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Panel(ClusterableModel):
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PanelRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"
    LIVED_EXPERIENCE = "lived_experience", "Lived-experience member"
    COMMUNITY = "community", "Community member"
    ADVISER = "adviser", "Adviser (does not score)"


# Community and lived-experience members score with equal weight to others.
SCORING_ROLES = {
    PanelRole.CHAIR,
    PanelRole.MEMBER,
    PanelRole.LIVED_EXPERIENCE,
    PanelRole.COMMUNITY,
}
COMMUNITY_VOICE_ROLES = {PanelRole.LIVED_EXPERIENCE, PanelRole.COMMUNITY}


class PanelMember(models.Model):
    panel = ParentalKey(Panel, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_seats"
    )
    role = models.CharField(max_length=20, choices=PanelRole.choices, default=PanelRole.MEMBER)

    class Meta:
        ordering = ["panel", "user__last_name"]
        constraints = [models.UniqueConstraint(fields=["panel", "user"], name="one_seat_per_panel")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    @property
    def scores(self) -> bool:
        return self.role in SCORING_ROLES


class AssignmentState(models.TextChoices):
    AWAITING_DECLARATION = "awaiting_declaration", "Conflict of interest to declare"
    RECUSED = "recused", "Recused: conflict of interest"
    SCORING = "scoring", "Scoring"
    SUBMITTED = "submitted", "Scores submitted"


# An assignment needs no more work once scored or recused.
ASSIGNMENT_DONE = (AssignmentState.RECUSED, AssignmentState.SUBMITTED)


class Assignment(FSMModelMixin, models.Model):
    """One panel member's job on one submission. Nothing of the submission
    is shown until the member has declared no conflict; a conflicted member
    is recused and sees neither its content nor its scores."""

    submission = models.ForeignKey(
        "social_value.Submission", on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="assignments")
    state = FSMField(
        default=AssignmentState.AWAITING_DECLARATION,
        choices=AssignmentState.choices,
        protected=True,
    )
    conflict_nature = models.TextField(blank=True)
    declared_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submission", "member"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "member"], name="one_assignment_each")
        ]

    def __str__(self):
        return f"{self.member.user} on {self.submission}"

    @property
    def can_see_content(self) -> bool:
        return self.state in (AssignmentState.SCORING, AssignmentState.SUBMITTED)

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state, source=AssignmentState.AWAITING_DECLARATION, target=AssignmentState.SCORING
    )
    def declare_no_conflict(self, *, by=None, description=None):
        self.declared_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=[AssignmentState.AWAITING_DECLARATION, AssignmentState.SCORING],
        target=AssignmentState.RECUSED,
    )
    def declare_conflict(self, *, nature: str, by=None, description=None):
        self.conflict_nature = nature
        self.declared_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=AssignmentState.SCORING, target=AssignmentState.SUBMITTED)
    def submit_scores(self, *, by=None, description=None):
        self.submitted_at = timezone.now()
