"""Who may see and do what with a grant's or a contract's monitoring,
checked in every view and again in every service."""

from django.core.exceptions import PermissionDenied

from grants.models import Award
from organisations.selectors import membership_for

OFFICER = "grants.assess_application"
COMMISSIONER = "commissioning.run_tender"


def is_officer(user) -> bool:
    return user.is_authenticated and user.has_perm(OFFICER)


def is_grant_holder(user, award: Award) -> bool:
    return user.is_authenticated and (
        membership_for(user=user, organisation=award.application.organisation) is not None
    )


def grant_holder_required(user, award: Award) -> None:
    if not is_grant_holder(user, award):
        raise PermissionDenied("Only members of the organisation holding the grant can do this.")


def officer_required(user) -> None:
    if not is_officer(user):
        raise PermissionDenied("Only a grants officer can do this.")


def is_commissioner(user) -> bool:
    return user.is_authenticated and user.has_perm(COMMISSIONER)


def is_supplier(user, contract) -> bool:
    return user.is_authenticated and (
        membership_for(user=user, organisation=contract.supplier) is not None
    )


def commissioner_required(user) -> None:
    if not is_commissioner(user):
        raise PermissionDenied("Only a commissioner can do this.")


def supplier_required(user, contract) -> None:
    if not is_supplier(user, contract):
        raise PermissionDenied("Only members of the contract's supplier can do this.")
