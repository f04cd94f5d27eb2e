"""The data set of benchmarks/work.py, built in bulk from the project's
factories: 5,000 applications from 2,000 organisations with 2,000 of them
in one round, a tender call of 200 submissions × 5 panel members × 8
criteria in moderation, and the people who work on them.

Everyone signs in with PASSWORD, hashed the way the production settings
check it (the benchmark's own process hashes with the test suite's fast
hasher, which production does not know)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

APPLICATIONS_IN_ROUND, OTHER_ROUNDS, ORGANISATIONS = 2_000, 2, 2_000
OTHER_APPLICATIONS = 1_500  # in each of the other rounds: 5,000 in all
SUBMISSIONS, MEMBERS, CRITERIA = 200, 5, 8
PASSWORD = "a-long-benchmark-password"  # noqa: S105 - a throwaway database's
STATES = ["submitted", "eligibility", "assessment", "more_info", "panel", "approved", "declined"]
ANSWER = (
    "We run a weekly lunch club and a walking group for older neighbours, with volunteers "
    "who have lived experience of loneliness, and we would open a second day. "
) * 4


@dataclass
class WorkData:
    round_pk: int
    call_pk: int
    officer: object
    member: object
    applicant: object


def _signs_in(person, roles=()) -> None:
    """A password the production settings check, and the roles named."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
    from django.contrib.auth.models import Group

    person.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    person.is_active = True
    person.save()
    person.groups.add(*Group.objects.filter(name__in=roles))


def _applications(rounds, organisations, person) -> None:
    from django.utils import timezone

    from grants.models import Application
    from tests.grants.factories import BUDGET_ID, WHAT_ID

    now = timezone.now()
    rows, number = [], 0
    for index, round_ in enumerate(rounds):
        count = APPLICATIONS_IN_ROUND if index == 0 else OTHER_APPLICATIONS
        for n, organisation in enumerate(organisations[:count]):
            number += 1
            rows.append(
                Application(
                    round=round_,
                    organisation=organisation,
                    created_by=person,
                    reference=f"CG-W{number:05d}",
                    project_title=f"Lunch club and walking group {number:05d}",
                    amount_requested=Decimal(1000 + n % 9000),
                    answers={
                        WHAT_ID: ANSWER,
                        BUDGET_ID: [{"item": "Hall hire", "amount": "1200.00"}],
                    },
                    state=STATES[n % len(STATES)],
                    submitted_at=now - timedelta(hours=n % 500),
                )
            )
    Application.objects.bulk_create(rows, batch_size=1000)


def build() -> WorkData:
    from neighbourhoods.models import Neighbourhood
    from organisations.models import MembershipRole, Organisation, OrganisationMembership
    from people.roles import APPLICANT, GRANTS_OFFICER, PANEL_MEMBER
    from people.services.two_factor import totp_device_add
    from reminders.models import Notification
    from social_value.bulk import bulk_call
    from tests.grants.factories import RoundFactory
    from tests.organisations.factories import OrganisationFactory
    from tests.people.factories import UserFactory

    places = Neighbourhood.objects.bulk_create(
        Neighbourhood(name=f"Ward {n:02d}", slug=f"ward-{n:02d}") for n in range(30)
    )
    organisations = Organisation.objects.bulk_create(
        (
            OrganisationFactory.build(name=f"Group {n:04d}", org_id=f"XI-WORK-{n:04d}")
            for n in range(ORGANISATIONS)
        ),
        batch_size=1000,
    )
    Organisation.neighbourhoods.through.objects.bulk_create(
        (
            Organisation.neighbourhoods.through(organisation=o, neighbourhood=places[n % 30])
            for n, o in enumerate(organisations)
        ),
        batch_size=5000,
    )
    officer = UserFactory(email="officer@example.org")
    _signs_in(officer, roles=[GRANTS_OFFICER])
    # Staff give a code after the password (people.two_factor): their app.
    totp_device_add(person=officer, key="3132333435363738393031323334353637383930")
    rounds = [RoundFactory(title=f"Round {n}") for n in range(1 + OTHER_ROUNDS)]
    _applications(rounds, organisations, officer)

    call = bulk_call(submissions=SUBMISSIONS, members=MEMBERS, criteria=CRITERIA)
    member = call.panel.members.select_related("user").order_by("pk")[1].user
    _signs_in(member, roles=[PANEL_MEMBER])

    applicant = UserFactory(email="applicant@example.org")
    _signs_in(applicant, roles=[APPLICANT])
    OrganisationMembership.objects.create(
        organisation=organisations[0], user=applicant, role=MembershipRole.ADMIN
    )
    Notification.objects.bulk_create(
        Notification(user=applicant, text=f"Reminder {n}", link="/portal/") for n in range(30)
    )
    return WorkData(
        round_pk=rounds[0].pk, call_pk=call.pk, officer=officer, member=member, applicant=applicant
    )
