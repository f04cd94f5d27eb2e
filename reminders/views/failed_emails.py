"""The staff home's list of e-mails that could not be sent, each with a
"Try again" button (a POST, audited)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from reminders.selectors import MAIL_WATCH_PERMISSION, failed_emails
from reminders.services.failed_emails import failed_email_retry


class FailedEmailsView(WagtailAdminTemplateMixin, ListView):
    template_name = "reminders/admin/failed_emails.html"
    page_title = "E-mails that could not be sent"
    header_icon = "mail"
    paginate_by = 50
    context_object_name = "emails"
    _show_breadcrumbs = True
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "E-mails that could not be sent"},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MAIL_WATCH_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return failed_emails()


@require_POST
def failed_email_try_again(request, pk: int):
    try:
        email = failed_email_retry(email_id=pk, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"“{email.subject}” to {email.to} will be sent again shortly.")
    return redirect("reminders_failed_emails")
