from django.core.management.base import BaseCommand

from demo.cms import demo_cms_load
from demo.commissioning import demo_commissioning_load
from demo.community import DEMO_PASSWORD, demo_community_load
from demo.contract_monitoring import demo_contract_monitoring_load
from demo.finance import demo_finance_load
from demo.grants import demo_grants_load
from demo.outcomes import demo_outcomes_load
from demo.places import demo_places_load
from demo.reports import demo_reports_load
from demo.social_value import demo_social_value_load
from demo.support import demo_list_paths, demo_support_load
from demo.two_factor import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Load the Ashby Vale demo borough (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        logins = demo_community_load()
        demo_social_value_load()
        demo_grants_load()
        demo_finance_load()
        demo_commissioning_load()
        demo_cms_load()
        logins += demo_support_load()
        demo_places_load()
        demo_reports_load()
        demo_outcomes_load()
        demo_contract_monitoring_load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded: Ashby Vale."))
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/accounts/sign-in/ "
            f"(staff: /admin/) with password {DEMO_PASSWORD!r}:"
        )
        for role, email in logins:
            self.stdout.write(f"  {role:<15} {email}")
        self.stdout.write(
            f"Staff then enter a code from an authenticator app holding the demo secret "
            f"{DEMO_TOTP_SECRET}, or the one `python manage.py demo_code <email>` prints."
        )
        self.stdout.write(
            "Panel members also: community@ashbyvale.example, member@ashbyvale.example.\n"
            "Grants: /grants/rounds/ (applicant), /admin/ > Grants > Rounds (officer)\n"
            "Tenders: /commissioning/tenders/ (bidder), /commissioning/manage/ (commissioner)\n"
            "Panel work: /scoring/panel/  Calls: /admin/ > Social value and scoring > "
            "Scorable calls  Frameworks: /scoring/frameworks/"
        )
        saved, recommended = demo_list_paths()
        self.stdout.write(
            f"Lists of support: a saved list {saved}, Sam's recommended list {recommended}; "
            "link worker: /lists/recommended/"
        )
