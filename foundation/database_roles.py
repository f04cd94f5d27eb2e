"""Two database roles: an owner that migrates, and the application's role.

The owner (the role `manage.py migrate` connects as) owns every table. The
application's role (the one web, worker and beat connect as) owns nothing:
it may read and write rows, and on the audit trail only read and add them.
Not being the owner, it cannot TRUNCATE, disable or drop the triggers,
alter or drop the table, or grant itself more; not being a superuser, it
cannot set `session_replication_role` to skip triggers.

`app_role_grant` is run by the owner after every migration (the release
step does it); it is idempotent, and default privileges cover tables that
later migrations create until it runs again.
"""

import re
from dataclasses import dataclass

from django.db import connection, transaction

from foundation.audit import AUDIT_TABLE

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
AUDIT_PRIVILEGES = ("SELECT", "INSERT")
AUDIT_REFUSED = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")


class RoleProblem(Exception):
    """The role cannot be made safe as asked; nothing was granted."""


@dataclass(frozen=True)
class AuditTrailAccess:
    role: str
    allowed: tuple[str, ...]
    refused: tuple[str, ...]
    owns_tables: int
    superuser: bool

    @property
    def append_only(self) -> bool:
        return (
            set(self.allowed) == set(AUDIT_PRIVILEGES)
            and not self.owns_tables
            and not self.superuser
        )


def _role_checked(role: str) -> str:
    if not ROLE_NAME.match(role):
        raise RoleProblem(
            f"“{role}” is not a role name this command accepts: lower-case letters, "
            "digits and underscores, starting with a letter or underscore."
        )
    return role


def app_role_grant(*, role: str, password: str | None = None) -> AuditTrailAccess:
    """Create or update the application's role and grant it what it needs.

    Run as the owner of the tables, on PostgreSQL. Refuses a role that is
    the owner, a member of it, or a superuser: each would reach the audit
    trail as its owner does.
    """
    role = _role_checked(role)
    quoted = connection.ops.quote_name(role)
    # One transaction: the running application never sees its privileges
    # taken away and not yet given back.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_database(), current_schema()")
        owner, database, schema = cursor.fetchone()
        if role == owner:
            raise RoleProblem(
                f"“{role}” is the role running this command, which owns the tables. "
                "The application needs a role of its own."
            )
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        found = cursor.fetchone()
        if found and found[0]:
            raise RoleProblem(f"“{role}” is a superuser: it can do anything to the audit trail.")
        if found:
            cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [role, owner])
            if cursor.fetchone()[0]:
                raise RoleProblem(
                    f"“{role}” is a member of “{owner}”, the tables' owner, so it acts as the "
                    f"owner. Revoke that membership first (REVOKE {owner} FROM {role})."
                )
        # Safe attributes whether the role is new or was made some other way.
        attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
        verb = "ALTER" if found else "CREATE"
        if password:
            cursor.execute(f"{verb} ROLE {quoted} {attributes} PASSWORD %s", [password])
        else:
            cursor.execute(f"{verb} ROLE {quoted} {attributes}")

        owner_q, schema_q = connection.ops.quote_name(owner), connection.ops.quote_name(schema)
        statements = [
            f"GRANT CONNECT ON DATABASE {connection.ops.quote_name(database)} TO {quoted}",
            f"GRANT USAGE ON SCHEMA {schema_q} TO {quoted}",
            f"REVOKE CREATE ON SCHEMA {schema_q} FROM {quoted}",
            # From nothing each time, so a privilege granted by hand earlier
            # (TRUNCATE, TRIGGER) does not linger.
            f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema_q} FROM {quoted}",
            f"GRANT {ROW_PRIVILEGES} ON ALL TABLES IN SCHEMA {schema_q} TO {quoted}",
            f"REVOKE UPDATE, DELETE ON {connection.ops.quote_name(AUDIT_TABLE)} FROM {quoted}",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema_q} FROM {quoted}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema_q} TO {quoted}",
            # Tables and sequences the owner creates later get the same.
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner_q} IN SCHEMA {schema_q} "
            f"GRANT {ROW_PRIVILEGES} ON TABLES TO {quoted}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner_q} IN SCHEMA {schema_q} "
            f"GRANT USAGE, SELECT ON SEQUENCES TO {quoted}",
        ]
        for statement in statements:
            cursor.execute(statement)
    return audit_trail_access(role=role)


def audit_trail_access(*, role: str) -> AuditTrailAccess:
    """What `role` may do to the audit trail, as PostgreSQL sees it."""
    role = _role_checked(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        found = cursor.fetchone()
        if not found:
            raise RoleProblem(f"There is no role “{role}”.")
        held = {}
        for privilege in AUDIT_PRIVILEGES + AUDIT_REFUSED:
            cursor.execute("SELECT has_table_privilege(%s, %s, %s)", [role, AUDIT_TABLE, privilege])
            held[privilege] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v') "
            "AND pg_has_role(%s, c.relowner, 'USAGE')",
            [role],
        )
        owns = cursor.fetchone()[0]
    return AuditTrailAccess(
        role=role,
        allowed=tuple(p for p, has in held.items() if has),
        refused=tuple(p for p, has in held.items() if not has),
        owns_tables=owns,
        superuser=found[0],
    )
