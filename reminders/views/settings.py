"""A person's choice of optional reminders (deadline reminders for
things they started always come)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from reminders.forms import ReminderSettingsForm
from reminders.models import ReminderSettings


@login_required
@require_POST
def reminder_settings(request):
    settings_, _ = ReminderSettings.objects.get_or_create(user=request.user)
    form = ReminderSettingsForm(request.POST, instance=settings_)
    # One checkbox, absent from the post when unticked: always valid.
    if form.is_valid():
        settings_ = form.save()
        messages.success(
            request,
            "Optional reminders are on."
            if settings_.optional_reminders
            else "Optional reminders are off. "
            "Deadline reminders for things you started still come.",
        )
    return redirect("portal-dashboard")
