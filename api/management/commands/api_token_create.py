"""Make an API token from the command line, as an administrator would in
the admin: `manage.py api_token_create --for grants@… --by admin@… --name …`.
The token is printed once; only its hash is kept."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from api.services.tokens import token_create


class Command(BaseCommand):
    help = "Make an API token for a person; prints the token once."

    def add_arguments(self, parser):
        parser.add_argument("--for", dest="holder", required=True, help="E-mail of the holder")
        parser.add_argument("--by", dest="maker", required=True, help="E-mail of the administrator")
        parser.add_argument("--name", default="Integration", help="What the token is for")

    def handle(self, *args, holder, maker, name, **options):
        people = get_user_model().objects
        try:
            user, actor = people.get(email__iexact=holder), people.get(email__iexact=maker)
        except get_user_model().DoesNotExist as error:
            raise CommandError("No account has that e-mail address.") from error
        try:
            _, raw = token_create(user=user, name=name, actor=actor)
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(raw)
