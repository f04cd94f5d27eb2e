"""Two-step verification in the admins.

In the Wagtail admin, an administrator can remove a person's authenticator
app and recovery codes (a lost phone) from the people listing, through the
audited `people.services.two_factor.two_factor_reset`; staff then set up a
new app at their next sign-in.
django-otp's own Django admin screens are taken out (people.admin): they
would change devices with no audit row.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django_otp import user_has_device
from wagtail.admin.widgets.button import ListingButton

from people.models import User
from people.services.two_factor import two_factor_reset, two_factor_reset_allowed
from people.two_factor import two_factor_required


def two_factor_reset_button(user, request_user) -> list:
    if not two_factor_reset_allowed(actor=request_user, person=user):
        return []
    return [
        ListingButton(
            "Reset two-step verification",
            url=reverse("two-factor-reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
    ]


def two_factor_reset_view(request, pk):
    person = get_object_or_404(User, pk=pk)
    if not two_factor_reset_allowed(actor=request.user, person=person):
        raise PermissionDenied
    if request.method == "POST":
        two_factor_reset(person=person, actor=request.user)
        messages.success(
            request,
            f"Two-step verification removed for {person}. They set up a new app when they "
            "next sign in.",
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "people/admin/two_factor_reset.html",
        {
            "person": person,
            "has_app": user_has_device(person),
            "required": two_factor_required(person),
        },
    )


admin_urls = [
    path("people/<int:pk>/two-factor-reset/", two_factor_reset_view, name="two-factor-reset"),
]
