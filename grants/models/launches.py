"""A round's launch: sent for approval by one officer, approved by another
with a reason, as a tender is. Until it is approved the round is neither
open for applications nor listed, whatever its dates say.

Rounds set up before launches were approved have no launch record and keep
opening by their dates alone (`Round.is_launched`).
"""

from django.conf import settings
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description

OFFICER = "grants.assess_application"


class LaunchState(models.TextChoices):
    DRAFT = "draft", "Not yet sent for approval"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Launch approved"


class RoundLaunch(FSMModelMixin, models.Model):
    round = models.OneToOneField("grants.Round", on_delete=models.CASCADE, related_name="launch")
    state = FSMField(default=LaunchState.DRAFT, choices=LaunchState.choices, protected=True)
    # Separation of duties: whoever sends the launch for approval cannot
    # approve it (grants.services.launches).
    sent_for_approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    def __str__(self):
        return f"Launch of {self.round}"

    def _move(source, target):
        def decorate(func):
            return fsm_log_by(
                fsm_log_description(
                    transition(field="state", source=source, target=target, permission=OFFICER)(
                        func
                    )
                )
            )

        return decorate

    @_move(LaunchState.DRAFT, LaunchState.AWAITING_APPROVAL)
    def send_for_approval(self, *, by, description=None):
        self.sent_for_approval_by = by

    @_move(LaunchState.AWAITING_APPROVAL, LaunchState.DRAFT)
    def send_back(self, *, by, description=None):
        self.sent_for_approval_by = None

    @_move(LaunchState.AWAITING_APPROVAL, LaunchState.APPROVED)
    def approve(self, *, by, description=None):
        pass

    del _move
