"""The five roles, as groups with permissions, declared in one place.

Roles are defined here in code and brought up to date after every
`migrate`, so a new permission reaches every database the same way. What a
person may do with one particular organisation, application or bid is
decided per object by the services (membership, panel assignment), not by
these model permissions alone.
"""

import logging

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

logger = logging.getLogger(__name__)

ADMINISTRATOR = "Administrator"
COMMISSIONER = "Commissioner"
GRANTS_OFFICER = "Grants officer"
FINANCE_OFFICER = "Finance officer"
PANEL_MEMBER = "Panel member"
APPLICANT = "Applicant"
LINK_WORKER = "Link worker"

ADMIN_ACCESS = "wagtailadmin.access_admin"
AUDIT_VIEW = "django_fsm_log.view_statelog"

_OFFICER_COMMON = {
    ADMIN_ACCESS,
    AUDIT_VIEW,
    "reminders.view_reminder",
    # The living asset map is kept by every officer.
    "assets.view_asset",
    "assets.add_asset",
    "assets.change_asset",
    "assets.view_acvlisting",
    "assets.add_acvlisting",
    "assets.change_acvlisting",
    # What's on: officers correct or take down any holder's event.
    "assets.view_assetevent",
    "assets.add_assetevent",
    "assets.change_assetevent",
    "assets.delete_assetevent",
    "neighbourhoods.view_neighbourhood",
    "organisations.view_organisation",
    "organisations.view_organisationmembership",
}

ROLE_PERMISSIONS: dict[str, set[str]] = {
    ADMINISTRATOR: _OFFICER_COMMON
    | {
        "people.add_user",
        "people.change_user",
        "people.view_user",
        # UK GDPR: subject access exports, erasure and the retention periods.
        "people.manage_personal_data",
        "people.view_retentionrule",
        "people.change_retentionrule",
        "auth.view_group",
        # API tokens for integrations: made, listed and revoked (api.tokens).
        "api.add_apitoken",
        "api.change_apitoken",
        "api.view_apitoken",
        "neighbourhoods.add_neighbourhood",
        "neighbourhoods.change_neighbourhood",
        "neighbourhoods.delete_neighbourhood",
        "organisations.add_organisation",
        "organisations.change_organisation",
        "organisations.add_organisationmembership",
        "organisations.change_organisationmembership",
        "organisations.delete_organisationmembership",
        "organisations.view_organisationinvitation",
        # Sign-in locks (django-axes): seeing them, and lifting one, which
        # deletes the account's or the address's wrong-password rows.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    },
    COMMISSIONER: _OFFICER_COMMON | {"organisations.change_organisation"},
    GRANTS_OFFICER: _OFFICER_COMMON
    | {
        "neighbourhoods.add_neighbourhood",
        "neighbourhoods.change_neighbourhood",
        "organisations.change_organisation",
    },
    # Panel members and applicants work in the portal, not the admin; what
    # they may see is decided per submission and per organisation.
    PANEL_MEMBER: set(),
    APPLICANT: set(),
    # Link workers (social prescribers) build recommended lists of local
    # support with and for the people they support; they work in the site.
    LINK_WORKER: {"support_lists.recommend"},
}

# Officers who run calls: frameworks read, calls and panels run, scores read.
_SCORING_OFFICER = {
    "social_value.view_framework",
    "social_value.view_theme",
    "social_value.view_outcome",
    "social_value.view_measure",
    "social_value.view_call",
    "social_value.add_call",
    "social_value.change_call",
    "social_value.view_panel",
    "social_value.add_panel",
    "social_value.change_panel",
    "social_value.view_submission",
    "social_value.view_ranking",
    "social_value.view_commitment",
    "social_value.view_deliveryreport",
    "social_value.moderate_call",
    "social_value.manage_panel",
}
# Administrators also keep the social value framework itself.
_FRAMEWORK_EDITOR = {
    f"social_value.{action}_{model}"
    for action in ("add", "change", "delete")
    for model in ("theme", "outcome", "measure")
} | {"social_value.add_framework", "social_value.change_framework"}

# Grants officers run programmes and rounds and decide applications.
_GRANTS = {
    "grants.assess_application",
    "grants.view_application",
    "grants.view_programme",
    "grants.add_programme",
    "grants.change_programme",
    "grants.view_round",
    "grants.add_round",
    "grants.change_round",
    # Money out: checking a change of bank details by telephone. Approving a
    # payment is the grants officer's; releasing it is the finance team's.
    "organisations.verify_bankdetails",
    # Each programme's due diligence and the agreement templates.
    "finance.view_programmefinance",
    "finance.add_programmefinance",
    "finance.change_programmefinance",
    "finance.view_agreementtemplate",
    "finance.add_agreementtemplate",
    "finance.change_agreementtemplate",
    # Monitoring forms per programme, and the Key Human Indicator instruments.
    "outcomes.view_monitoringform",
    "outcomes.add_monitoringform",
    "outcomes.change_monitoringform",
    "outcomes.view_instrument",
    "outcomes.add_instrument",
    "outcomes.change_instrument",
}

# The finance team releases approved payments (never one they approved),
# exports them for the finance system and records them paid; it also checks
# changed bank details. It decides nothing about who is funded.
ROLE_PERMISSIONS[FINANCE_OFFICER] = {
    ADMIN_ACCESS,
    AUDIT_VIEW,
    "reminders.view_reminder",
    "organisations.view_organisation",
    "organisations.verify_bankdetails",
    "grants.export_payments",
    "finance.release_payment",
}

# Commissioners run tenders from options appraisal to contract.
_COMMISSIONING = {
    "commissioning.run_tender",
    "commissioning.view_tender",
    "commissioning.add_tender",
    "commissioning.change_tender",
    "commissioning.view_commission",
    "commissioning.add_commission",
    "commissioning.change_commission",
    "commissioning.view_lot",
    "commissioning.add_lot",
    "commissioning.change_lot",
    "foundation.view_bankholiday",
    "foundation.add_bankholiday",
    "foundation.change_bankholiday",
}

ROLE_PERMISSIONS[ADMINISTRATOR] |= _SCORING_OFFICER | _FRAMEWORK_EDITOR | _GRANTS
ROLE_PERMISSIONS[GRANTS_OFFICER] |= _GRANTS
ROLE_PERMISSIONS[COMMISSIONER] |= _COMMISSIONING
ROLE_PERMISSIONS[COMMISSIONER] |= _SCORING_OFFICER
ROLE_PERMISSIONS[GRANTS_OFFICER] |= _SCORING_OFFICER
# Reports across programmes and their exports: the officers who fund and
# commission, and administrators.
for _role in (ADMINISTRATOR, COMMISSIONER, GRANTS_OFFICER):
    ROLE_PERMISSIONS[_role] |= {"reports.view_reports"}
# The deprivation measure the reports set spend per head beside, loaded
# from a file: the grants officers who run the reports, and administrators.
for _role in (ADMINISTRATOR, GRANTS_OFFICER):
    ROLE_PERMISSIONS[_role] |= {
        "reports.view_deprivationarea",
        "reports.add_deprivationarea",
        "reports.change_deprivationarea",
    }

STAFF_ROLES = {ADMINISTRATOR, COMMISSIONER, GRANTS_OFFICER, FINANCE_OFFICER}


def in_staff_role(person) -> bool:
    """Whether `person` holds one of STAFF_ROLES. Kept on the person for the
    rest of the request (the signed-in user is loaded afresh for each), as
    the two-step rule and the page both ask."""
    known = getattr(person, "_in_staff_role", None)
    if known is None:
        known = person.groups.filter(name__in=STAFF_ROLES).exists()
        person._in_staff_role = known
    return known


def _permission(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def roles_sync() -> list[str]:
    """Make each role group hold exactly its declared permissions.

    Returns the declared permissions that do not exist (yet), so a typo
    shows up in the tests rather than as a silently missing right.
    """
    missing = []
    for role, dotted_names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for dotted in sorted(dotted_names):
            permission = _permission(dotted)
            if permission is None:
                missing.append(dotted)
            else:
                permissions.append(permission)
        group.permissions.set(permissions)
    return missing


def roles_sync_after_migrate(sender, using="default", apps=None, **kwargs):
    # Permissions of every app are created first: post_migrate reaches
    # apps in INSTALLED_APPS order and ours come before the libraries'.
    from django.apps import apps as global_apps

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    missing = roles_sync()
    if missing:
        logger.warning("Role permissions not found: %s", ", ".join(missing))
