"""`manage.py database_roles`: set up the application's own database role.

Run it as the tables' owner (DATABASE_URL naming the owner), right after
`manage.py migrate`, every release. The application's role and password
come from APP_DATABASE_URL, the URL web, worker and beat connect with:

    DATABASE_URL=postgres://owner:…@db/commonground \\
    APP_DATABASE_URL=postgres://commonground_app:…@db/commonground \\
    python manage.py migrate && python manage.py database_roles

`--role NAME` names the role instead, leaving its password as it is (for a
role that signs in some other way).
"""

import environ
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from foundation.database_roles import RoleProblem, app_role_grant


class Command(BaseCommand):
    help = (
        "Create or update the application's database role (from APP_DATABASE_URL or --role): "
        "rows read and written, the audit trail only read and added to, no table owned."
    )

    def add_arguments(self, parser):
        parser.add_argument("--role", help="the application's role, if not APP_DATABASE_URL's")

    def handle(self, *args, role=None, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(f"{connection.vendor} has no database roles: nothing to do.")
            return
        password = None
        if not role:
            url = environ.Env().str("APP_DATABASE_URL", default="")
            if not url:
                raise CommandError("Set APP_DATABASE_URL (or give --role): whose role to set up?")
            config = environ.Env.db_url_config(url)
            role, password = config.get("USER"), config.get("PASSWORD") or None
            if not role:
                raise CommandError("APP_DATABASE_URL names no user.")
        try:
            access = app_role_grant(role=role, password=password)
        except RoleProblem as problem:
            raise CommandError(str(problem)) from problem
        if not access.append_only:
            raise CommandError(
                f"“{role}” can still {', '.join(access.allowed)} the audit trail "
                f"and owns {access.owns_tables} table(s): check who granted it what."
            )
        self.stdout.write(
            f"“{role}” reads and writes rows; on the audit trail it may "
            f"{' and '.join(access.allowed)} only, and it owns no table."
        )
