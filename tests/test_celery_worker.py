"""A real Celery worker, through a real Redis, changes the real database."""

import time

import pytest
from django.core import mail

from organisations.models import MembershipRole
from organisations.tasks import organisation_invitation_send
from tests.organisations.factories import InvitationFactory, MembershipFactory


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_task_sent_through_redis_is_run_by_a_worker(worker, sent_for_real):
    admin = MembershipFactory(role=MembershipRole.ADMIN)
    invitation = InvitationFactory(organisation=admin.organisation, invited_by=admin.user)
    assert invitation.sent_at is None

    organisation_invitation_send.delay(invitation.pk)

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and invitation.sent_at is None:
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.5)
        invitation.refresh_from_db()
    assert invitation.sent_at is not None, "the worker did not run the task in 60 s"
    # It ran in the worker's process, not here.
    assert mail.outbox == []
