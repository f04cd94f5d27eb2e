"""The audit trail is read-only in the Wagtail admin for everyone: its
permission policy grants viewing alone. The screen itself is shown in the
"Community" menu group, beside the organisations it mostly records."""

from django_fsm_log.models import StateLog
from wagtail.permissions import register_permission_policy

from foundation.audit import AuditTrailPermissionPolicy

register_permission_policy(StateLog, AuditTrailPermissionPolicy(StateLog))
