"""A person who appears in every kind of record that can name someone, for
the subject access and erasure tests."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django_fsm_log.models import StateLog

from assets.models import Asset, AssetClaim, AssetKind, AssetSuggestion
from commissioning.models import Bid, BidDocument, BidVersion, Clarification, Interest
from foundation.models import DeadlineChange
from grants.models import (
    Application,
    ApplicationDocument,
    Award,
    InformationRequest,
    MonitoringReturn,
)
from organisations.models import BankDetails
from people import roles
from people.models import User
from reminders.models import Notification, Reminder, ReminderSettings
from social_value.models import Score
from tests.commissioning.conftest import tender_make
from tests.grants.factories import RoundFactory
from tests.organisations.factories import InvitationFactory, MembershipFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import AssignmentFactory, CriterionFactory, PanelMemberFactory


@dataclass
class Everywhere:
    person: User
    officer: User
    application: Application
    bid: Bid
    audit_rows: int


def person_everywhere() -> Everywhere:
    person = UserFactory(first_name="Jane", last_name="Doe", email="jane.doe@example.org")
    officer = UserFactory(first_name="Olu", last_name="Officer", roles=[roles.COMMISSIONER])
    membership = MembershipFactory(user=person)
    organisation = membership.organisation
    InvitationFactory(organisation=organisation, invited_by=person)
    BankDetails.objects.create(
        organisation=organisation,
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
        changed_by=person,
    )
    InvitationFactory(organisation=organisation, email="JANE.DOE@example.org", invited_by=officer)

    application = Application.objects.create(
        round=RoundFactory(),
        organisation=organisation,
        created_by=person,
        reference="G-0001",
        project_title="Lunch club",
    )
    # A real transition, so the audit trail names her as django-fsm-log does.
    application.submit(by=person)
    application.save()
    ApplicationDocument.objects.create(
        application=application,
        question_id="accounts",
        file=ContentFile(b"%PDF-1.4", name="accounts.pdf"),
        original_name="Jane Doe bank statement.pdf",
        size=8,
        uploaded_by=person,
    )
    InformationRequest.objects.create(
        application=application,
        question="Who runs the club?",
        requested_by=officer,
        due_at=timezone.now() + timedelta(days=10),
        answer="I do, every Tuesday.",
        answered_by=person,
        answered_at=timezone.now(),
    )
    award = Award.objects.create(
        application=application,
        amount=Decimal("5000"),
        starts_on=date(2026, 4, 1),
        ends_on=date(2027, 3, 31),
        accepted_by=person,
        accepted_name="Jane Doe",
    )
    MonitoringReturn.objects.create(
        award=award, due_on=date(2026, 10, 1), submitted_by=person, narrative="Forty came."
    )

    assignment = AssignmentFactory(member=PanelMemberFactory(user=person))
    Score.objects.create(
        assignment=assignment,
        criterion=CriterionFactory(call=assignment.submission.call),
        score=4,
        comment="Clear plan.",
    )
    type(assignment).objects.filter(pk=assignment.pk).update(
        conflict_nature="My sister chairs the group", declared_at=timezone.now()
    )

    tender = tender_make(officer)
    bid = Bid.objects.create(
        tender=tender, lot=tender.lots.first(), organisation=organisation, reference="B-0001"
    )
    BidVersion.objects.create(
        bid=bid, number=1, answers={}, price=Decimal("400000"), submitted_by=person
    )
    BidDocument.objects.create(
        bid=bid,
        question_id="method",
        file=ContentFile(b"%PDF-1.4", name="method.pdf"),
        original_name="Jane Doe method statement.pdf",
        uploaded_by=person,
    )
    Clarification.objects.create(
        tender=tender, organisation=organisation, question="Is TUPE in scope?", asked_by=person
    )
    Interest.objects.create(tender=tender, organisation=organisation, registered_by=person)
    DeadlineChange.objects.create(
        content_type=ContentType.objects.get_for_model(tender),
        object_id=tender.pk,
        field="submission_deadline",
        label="closing date",
        old_value=tender.submission_deadline,
        new_value=tender.submission_deadline + timedelta(days=7),
        reason="Bank holiday",
        changed_by=person,
    )

    hall = Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="Northgate hall",
        contact_name="Jane Doe",
        contact_email="jane.doe@example.org",
        contact_phone="01632 960001",
    )
    AssetClaim.objects.create(asset=hall, organisation=organisation, claimed_by=person)
    AssetSuggestion.objects.create(
        asset=hall,
        proposed={"availability": "Tuesdays"},
        suggested_by_name="Jane Doe",
        suggested_by_email="jane.doe@example.org",
    )

    Reminder.objects.create(
        kind="return_before",
        recipient=person,
        subject_type=ContentType.objects.get_for_model(award),
        subject_id=award.pk,
        due_on=date(2026, 10, 1),
        email_subject="Your monitoring return is due, Jane",
        email_body="Dear Jane Doe, ...",
        link="/portal/",
    )
    Notification.objects.create(user=person, text="Your return is due", link="/portal/")
    ReminderSettings.objects.create(user=person, optional_reminders=False)
    return Everywhere(
        person=person,
        officer=officer,
        application=application,
        bid=bid,
        audit_rows=StateLog.objects.count(),
    )
