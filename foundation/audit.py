"""The audit trail: every workflow transition, append-only.

django-fsm-log writes a StateLog row (who, when, from, to, transition, the
reason given) for every transition. Here the trail is made append-only:
the database refuses UPDATE and DELETE on its table (triggers, see
migration 0002), no admin screen offers add, change or delete, and the
Wagtail admin shows it read-only to the people with the view permission.

TRUNCATE, a table owner's operation that no view or query of the
application issues, is refused by a statement trigger as well (migration
0005), besides the database's own privileges: the application's role owns
no tables and holds no TRUNCATE privilege. The one exception is a session
that says `commonground.audit_trail_truncate = 'allowed'` at connection
time, which only the test settings do, so the suite can empty the database
between transactional tests.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django_fsm_log.models import StateLog
from wagtail.permission_policies import ModelPermissionPolicy

AUDIT_TABLE = StateLog._meta.db_table
AUDIT_COLUMNS = [
    "timestamp",
    "content_type",
    "object_id",
    "transition",
    "source_state",
    "state",
    "by",
]
APPEND_ONLY_MESSAGE = "The audit trail is append-only: its rows cannot be changed or deleted."

# What the system does by itself (beat's tasks, automatic transitions such
# as a tender closing at its deadline) is recorded with no person as `by`:
# callers pass SYSTEM, and every display and export of the trail names such
# a row's actor SYSTEM_NAME rather than leaving it blank.
SYSTEM = None
SYSTEM_NAME = "System"


def audit_actor_name(by) -> str:
    """Who made an audit trail entry, in words: the person, or "System"."""
    return SYSTEM_NAME if by is None else str(by)


POSTGRES_TRIGGER = f"""
CREATE OR REPLACE FUNCTION audit_trail_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON {AUDIT_TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON {AUDIT_TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
"""
POSTGRES_TRIGGER_REVERSE = f"""
DROP TRIGGER IF EXISTS audit_trail_no_update ON {AUDIT_TABLE};
DROP TRIGGER IF EXISTS audit_trail_no_delete ON {AUDIT_TABLE};
DROP FUNCTION IF EXISTS audit_trail_append_only();
"""
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_trail_no_update BEFORE UPDATE ON {AUDIT_TABLE}
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END;""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_trail_no_delete BEFORE DELETE ON {AUDIT_TABLE}
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END;""",
]
SQLITE_TRIGGERS_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_trail_no_update;",
    "DROP TRIGGER IF EXISTS audit_trail_no_delete;",
]
TRUNCATE_SETTING = "commonground.audit_trail_truncate"
POSTGRES_TRUNCATE_GUARD = f"""
CREATE OR REPLACE FUNCTION audit_trail_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('{TRUNCATE_SETTING}', true), '') = 'allowed' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON {AUDIT_TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_no_truncate();
"""
POSTGRES_TRUNCATE_GUARD_REVERSE = f"""
DROP TRIGGER IF EXISTS audit_trail_no_truncate ON {AUDIT_TABLE};
DROP FUNCTION IF EXISTS audit_trail_no_truncate();
"""


def truncate_guard_install(apps, schema_editor):
    # SQLite has no TRUNCATE; its DELETE trigger already covers emptying.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRUNCATE_GUARD)


def truncate_guard_remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRUNCATE_GUARD_REVERSE)


def append_only_install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGER)
    elif vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)
    else:
        raise NotImplementedError(f"No append-only guard for the {vendor} database.")


def append_only_remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGER_REVERSE)
    elif vendor == "sqlite":
        for statement in SQLITE_TRIGGERS_REVERSE:
            schema_editor.execute(statement)


class AuditTrailPermissionPolicy(ModelPermissionPolicy):
    """Viewing needs the view permission; adding, changing and deleting are
    refused to everyone, superusers included."""

    READ_ONLY_ACTIONS = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


def audit_trail_for(obj: models.Model):
    """An object's transitions, oldest first, with who made them."""
    return (
        StateLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .select_related("by")
        .order_by("timestamp", "pk")
    )
