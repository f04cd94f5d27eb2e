"""What the finance pages share: who may see a grant, and a refusal from a
service shown on the form that was sent."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from grants.models import Application
from organisations.selectors import membership_for

OFFICER = "grants.assess_application"
RELEASE = "finance.release_payment"


def refusal_show(form, error: ValidationError) -> None:
    """Each message of a service's refusal beside its field, or at the top."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def application_for(request, pk, *, staff_perms=(OFFICER, RELEASE)) -> tuple[Application, bool]:
    """The application, if the person may see it: (application, is_member).
    Members of its organisation, and staff holding one of `staff_perms`."""
    application = get_object_or_404(
        Application.objects.select_related("round__programme", "organisation"), pk=pk
    )
    member = membership_for(user=request.user, organisation=application.organisation) is not None
    if not member and not any(request.user.has_perm(perm) for perm in staff_perms):
        raise PermissionDenied("This grant belongs to another organisation.")
    return application, member
