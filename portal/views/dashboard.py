"""The portal's home: what this person needs to do next, their
organisations, invitations waiting for them and their notifications."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from grants import waiting
from organisations import selectors
from organisations.models import InvitationState, OrganisationInvitation
from people.roles import in_staff_role
from portal.next_steps import next_steps_for
from reminders.forms import ReminderSettingsForm
from reminders.models import ReminderSettings


@login_required
def dashboard(request):
    # Staff work from the staff home; what waits for the grants team is
    # shown here too, so a council officer is never offered an applicant's
    # first steps instead.
    user = request.user
    staff = user.is_staff or in_staff_role(user)
    # Read once: listed on the page, and what the next steps look through.
    organisations = list(selectors.organisations_of(user=user))
    return render(
        request,
        "portal/dashboard.html",
        {
            "organisations": organisations,
            "invitations": OrganisationInvitation.objects.filter(
                email__iexact=request.user.email, state=InvitationState.PENDING
            ).select_related("organisation"),
            "next_steps": next_steps_for(user, organisations=organisations),
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
