"""Publishing a framework version and starting the next one."""

from django.db import transaction

from social_value.models import Framework, FrameworkState, Measure, Outcome, Theme


@transaction.atomic
def framework_publish(*, framework: Framework, actor) -> Framework:
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    framework.publish(by=actor, description="Published: now frozen")
    framework.save()
    return framework


@transaction.atomic
def framework_new_version(*, framework: Framework, actor) -> Framework:
    """A draft copy of a framework, one version up, to edit freely while
    calls already scored keep the version they used."""
    latest = Framework.objects.filter(name=framework.name).order_by("-version").first()
    draft = Framework.objects.create(
        name=framework.name,
        version=latest.version + 1,
        description=framework.description,
        based_on=framework,
    )
    for theme in framework.themes.prefetch_related("outcomes__measures"):
        new_theme = Theme.objects.create(
            framework=draft, code=theme.code, name=theme.name, description=theme.description
        )
        for outcome in theme.outcomes.all():
            new_outcome = Outcome.objects.create(
                theme=new_theme, code=outcome.code, name=outcome.name
            )
            Measure.objects.bulk_create(
                Measure(
                    outcome=new_outcome,
                    code=measure.code,
                    name=measure.name,
                    unit=measure.unit,
                    proxy_value=measure.proxy_value,
                    evidence_required=measure.evidence_required,
                    first_year_only=measure.first_year_only,
                )
                for measure in outcome.measures.all()
            )
    return draft


def framework_current(*, name: str) -> Framework | None:
    return (
        Framework.objects.filter(name=name, state=FrameworkState.PUBLISHED)
        .order_by("-version")
        .first()
    )
