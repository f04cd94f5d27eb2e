"""The privacy notice, generated from the retention schedule, so what it
promises is what the monthly sweep does."""

from django.conf import settings
from django.shortcuts import render

from people.services.retention import retention_schedule


def privacy(request):
    return render(
        request,
        "people/privacy.html",
        {
            "schedule": retention_schedule(),
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
        },
    )
