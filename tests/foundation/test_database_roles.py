"""The application's database role cannot rewrite the audit trail.

Connected as the role `manage.py database_roles` sets up (the one web,
worker and beat use), UPDATE, DELETE and TRUNCATE of the audit trail are
refused, its triggers cannot be disabled or dropped, and triggers cannot
be skipped; adding an audit row and ordinary reads and writes work.
"""

import os
import secrets
from io import StringIO

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django_fsm_log.models import StateLog
from psycopg import sql

from foundation.audit import AUDIT_TABLE
from foundation.database_roles import audit_trail_access
from people.models import User

# Roles belong to the whole server: a name no other database's suite uses.
ROLE = os.environ.get("DATABASE_TEST_APP_ROLE") or f"cg_app_{os.getpid()}"


def _as(role: str, password: str) -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        dbname=db["NAME"],
        user=role,
        password=password,
        autocommit=True,
    )


@pytest.fixture
def app_role(monkeypatch):
    password = secrets.token_urlsafe(16)
    db = connection.settings_dict
    monkeypatch.setenv(
        "APP_DATABASE_URL",
        f"postgres://{ROLE}:{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/x",
    )
    out = StringIO()
    call_command("database_roles", stdout=out)
    yield password, out.getvalue()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {ROLE}")
        cursor.execute(f"DROP ROLE IF EXISTS {ROLE}")


def q(statement: str) -> sql.Composed:
    """A statement naming the audit table as {table} and the role as {role}."""
    return sql.SQL(statement).format(table=sql.Identifier(AUDIT_TABLE), role=sql.Identifier(ROLE))


def refused(app, statement: str) -> str:
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
        app.execute(q(statement))
    return str(error.value)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_app_role_can_only_read_and_add_to_the_audit_trail(app_role):
    password, said = app_role
    assert "on the audit trail it may SELECT and INSERT only, and it owns no table" in said
    person = User.objects.create_user(email="officer@example.org", first_name="Ada")
    person_type = ContentType.objects.get_for_model(User).pk

    with _as(ROLE, password) as app:
        app.execute(
            q(
                "INSERT INTO {table} (timestamp, content_type_id, object_id, transition, "
                "source_state, state, by_id, description) "
                "VALUES (now(), %s, %s, 'roles_change', 'active', 'active', %s, 'added by the app')"
            ),
            [person_type, str(person.pk), person.pk],
        )
        rows = app.execute(q("SELECT description FROM {table}")).fetchall()
        assert rows == [("added by the app",)]

        assert "permission denied" in refused(app, "UPDATE {table} SET description = 'x'")
        assert "permission denied" in refused(app, "DELETE FROM {table}")
        assert "permission denied" in refused(app, "TRUNCATE {table}")
        # The truncate guard's escape hatch does not open the privilege.
        app.execute("SET commonground.audit_trail_truncate = 'allowed'")
        assert "permission denied" in refused(app, "TRUNCATE {table}")
        assert "must be owner" in refused(app, "ALTER TABLE {table} DISABLE TRIGGER ALL")
        assert "must be owner" in refused(
            app, "ALTER TABLE {table} DISABLE TRIGGER audit_trail_no_delete"
        )
        assert "must be owner" in refused(app, "DROP TRIGGER audit_trail_no_update ON {table}")
        assert "must be owner" in refused(app, "DROP TABLE {table}")
        assert "permission denied" in refused(app, "SET session_replication_role = replica")
        assert "must be superuser" in refused(app, "ALTER ROLE {role} SUPERUSER")

        # Everything else it reads and writes as the application does.
        app.execute("UPDATE people_user SET first_name = 'Ada L.' WHERE id = %s", [person.pk])
        created = app.execute(
            "INSERT INTO django_celery_beat_crontabschedule "
            "(minute, hour, day_of_week, day_of_month, month_of_year, timezone) "
            "VALUES ('0', '4', '*', '*', '*', 'UTC') RETURNING id"
        ).fetchone()[0]
        app.execute("DELETE FROM django_celery_beat_crontabschedule WHERE id = %s", [created])

    assert list(StateLog.objects.values_list("description", flat=True)) == ["added by the app"]
    person.refresh_from_db()
    assert person.first_name == "Ada L."


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_running_it_again_takes_back_what_was_granted_by_hand(app_role):
    password, _ = app_role
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT TRUNCATE, UPDATE, TRIGGER ON {AUDIT_TABLE} TO {ROLE}")
    assert "TRUNCATE" in audit_trail_access(role=ROLE).allowed

    call_command("database_roles", stdout=StringIO())

    access = audit_trail_access(role=ROLE)
    assert access.allowed == ("SELECT", "INSERT")
    assert access.append_only
    with _as(ROLE, password) as app:
        assert "permission denied" in refused(app, "TRUNCATE {table}")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_owner_itself_is_refused_as_the_app_role():
    owner = connection.settings_dict["USER"]
    with pytest.raises(CommandError, match="owns the tables"):
        call_command("database_roles", role=owner, stdout=StringIO())
