from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.two_factor import DEMO_TOTP_SECRET, demo_code


class Command(BaseCommand):
    help = (
        "Print the code a demo staff member's authenticator app shows now "
        "(the demo only: refused unless DEBUG is on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("demo_code works only in the demo, with DEBUG on.")
        code = demo_code(email)
        if code is None:
            raise CommandError(
                f"{email} has no authenticator app holding the demo secret {DEMO_TOTP_SECRET}."
            )
        self.stdout.write(code)
