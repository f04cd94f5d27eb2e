"""Who may call what. Staff integrations need an API token *and* the same
permission the matching page asks for: a signed-in browser session alone
never reaches the staff endpoints, and a token never widens what its
person may see."""

from rest_framework.permissions import BasePermission

from api.models import ApiToken

APPLICATIONS = "grants.assess_application"
PAYMENTS = "finance.release_payment"
CONTRACTS = "commissioning.run_tender"


class StaffToken(BasePermission):
    """Set `staff_permission` on the view."""

    message = "This needs a staff API token with permission for it."

    def has_permission(self, request, view):
        return (
            isinstance(request.auth, ApiToken)
            and request.user.is_authenticated
            and request.user.has_perm(view.staff_permission)
        )
