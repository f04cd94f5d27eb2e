"""The portal's home: what this person needs to do next, their
organisations, invitations waiting for them and their notifications."""

from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from foundation import work_cache
from grants import waiting
from organisations import selectors
from organisations.models import InvitationState, OrganisationInvitation
from people.roles import in_staff_role
from portal.next_steps import next_steps_for
from reminders.forms import ReminderSettingsForm
from reminders.models import ReminderSettings


@login_required
def dashboard(request):
    return work_cache.page(request, lambda: _dashboard(request))


def _holds_until(next_steps) -> datetime:
    """The page changes by the clock alone at the next step's deadline
    (it turns overdue; a draft's round closes) and at midnight (returns
    come into view a month ahead; the grants team's queues count days)."""
    now = timezone.now()
    midnight = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time.min)
    )
    return min([step.due for step in next_steps if step.due and step.due > now] + [midnight])


def _dashboard(request):
    # Staff work from the staff home; what waits for the grants team is
    # shown here too, so a council officer is never offered an applicant's
    # first steps instead.
    user = request.user
    staff = user.is_staff or in_staff_role(user)
    # Read once: listed on the page, and what the next steps look through.
    organisations = list(selectors.organisations_of(user=user))
    next_steps = next_steps_for(user, organisations=organisations)
    response = render(
        request,
        "portal/dashboard.html",
        {
            "organisations": organisations,
            "invitations": OrganisationInvitation.objects.filter(
                email__iexact=request.user.email, state=InvitationState.PENDING
            ).select_related("organisation"),
            "next_steps": next_steps,
            "staff": staff,
            "staff_work": waiting.waiting_panels()
            if staff and user.has_perm("grants.assess_application")
            else [],
            "notifications": request.user.notifications.all()[:10],
            # Unsaved settings until the person first chooses: the default.
            "reminder_form": ReminderSettingsForm(
                instance=ReminderSettings.objects.filter(user=request.user).first()
            ),
        },
    )
    response.holds_until = _holds_until(next_steps)
    return response
