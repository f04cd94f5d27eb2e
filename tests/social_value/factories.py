from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from social_value.models import (
    Assignment,
    Call,
    CallKind,
    Criterion,
    CriterionKind,
    Framework,
    FrameworkState,
    Measure,
    Outcome,
    Panel,
    PanelMember,
    PanelRole,
    Submission,
    Theme,
    Unit,
)
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    name = factory.Sequence(lambda n: f"Social value framework {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    name = "Wellbeing"


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    theme = factory.SubFactory(ThemeFactory)
    code = factory.Sequence(lambda n: f"O{n}")
    name = "People keep connections with friends and family"


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    outcome = factory.SubFactory(OutcomeFactory)
    code = factory.Sequence(lambda n: f"M{n}")
    name = "Volunteering hours"
    unit = Unit.HOURS
    proxy_value = Decimal("15.00")
    evidence_required = "Signed volunteer timesheets"


def published_framework(**measures) -> Framework:
    """A framework with one measure per keyword (code=proxy value), published."""
    framework = FrameworkFactory()
    outcome = OutcomeFactory(theme=ThemeFactory(framework=framework))
    for code, proxy in (measures or {"VOL": Decimal("15.00")}).items():
        MeasureFactory(outcome=outcome, code=code, proxy_value=Decimal(proxy))
    Framework.objects.filter(pk=framework.pk).update(state=FrameworkState.PUBLISHED)
    framework.refresh_from_db()
    return framework


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel

    name = factory.Sequence(lambda n: f"Panel {n}")


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    panel = factory.SubFactory(PanelFactory)
    user = factory.SubFactory(UserFactory)
    role = PanelRole.MEMBER


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    title = factory.Sequence(lambda n: f"Call {n}")
    kind = CallKind.TENDER
    framework = factory.LazyFunction(published_framework)
    panel = factory.SubFactory(PanelFactory)
    members_per_submission = 3


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    kind = CriterionKind.SCORED
    title = factory.Sequence(lambda n: f"Criterion {n}")
    weight = Decimal(10)
    sort_order = factory.Sequence(int)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"S{n:04d}")
    title = factory.Sequence(lambda n: f"Proposal {n}")
    content = "Our method statement: how we will deliver with the community."
    submitted_at = factory.Sequence(lambda n: timezone.now() - timedelta(days=10, minutes=-n))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    submission = factory.SubFactory(SubmissionFactory)
    member = factory.SubFactory(PanelMemberFactory)
