"""Applying: start, save (never silently over someone else's save), submit
before the deadline, withdraw."""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from foundation.audit import SYSTEM
from foundation.deadlines import when
from foundation.transitions import transition_apply
from grants import notifications
from grants.models import Application, ApplicationDocument, Round, State
from grants.questions import submission_problems
from organisations.models import Organisation
from organisations.selectors import membership_for


class StaleEdit(Exception):
    """Someone else saved this draft after you opened it."""

    def __init__(self, current: Application):
        super().__init__("Someone else saved this application after you opened it.")
        self.current = current


def _member_required(organisation: Organisation, user) -> None:
    if membership_for(user=user, organisation=organisation) is None:
        raise PermissionDenied("Only members of the organisation can work on its applications.")


def closes_in_words(round_: Round) -> str:
    return when(round_.closes_at)


def application_start(*, round_: Round, organisation: Organisation, actor) -> Application:
    _member_required(organisation, actor)
    if not round_.is_open():
        raise ValidationError(f"{round_.title} is not open for applications.")
    try:
        with transaction.atomic():
            application = Application.objects.create(
                round=round_,
                organisation=organisation,
                created_by=actor,
                updated_by=actor,
                reference=f"new-{uuid.uuid4().hex[:24]}",
                project_title="",
            )
            application.reference = f"G{round_.pk}-{application.pk:05d}"
            application.save(update_fields=["reference"])
    except IntegrityError:
        raise ValidationError(
            f"{organisation.name} already has an application in this round: carry on with it."
        ) from None
    return application


@dataclass
class DraftChanges:
    project_title: str
    amount_requested: object
    annual_income: object
    answers: dict
    files: dict  # question id -> UploadedFile, already checked by type and size
    promises: dict | None = None  # social value: measure code -> quantity and evidence


def application_save(
    *, application: Application, actor, expected_version: int, changes: DraftChanges
) -> Application:
    """Save the draft if nobody else saved it since `expected_version` was read."""
    _member_required(application.organisation, actor)
    with transaction.atomic():
        updated = Application.objects.filter(
            pk=application.pk, version=expected_version, state=State.DRAFT
        ).update(
            project_title=changes.project_title,
            amount_requested=changes.amount_requested,
            annual_income=changes.annual_income,
            answers=changes.answers,
            promises=changes.promises or {},
            version=F("version") + 1,
            updated_by=actor,
            updated_at=timezone.now(),
        )
        current = Application.objects.select_related("updated_by").get(pk=application.pk)
        if not updated:
            if current.state != State.DRAFT:
                raise ValidationError("This application has been submitted and can't be edited.")
            raise StaleEdit(current)
        for question_id, upload in changes.files.items():
            ApplicationDocument.objects.create(
                application=current,
                question_id=question_id,
                file=upload,
                original_name=upload.name,
                size=upload.size,
                uploaded_by=actor,
            )
    return current


def application_problems(application: Application) -> dict[str, str]:
    problems = {}
    if not application.project_title.strip():
        problems["project_title"] = "Give your project a title."
    if application.amount_requested is None:
        problems["amount_requested"] = "Enter how much you are asking for."
    if application.annual_income is None:
        problems["annual_income"] = "Enter your organisation's annual income."
    files = set(application.documents.values_list("question_id", flat=True))
    problems.update(
        submission_problems(
            application.round.questions,
            application.answers,
            files_present=files,
            amount_requested=application.amount_requested,
        )
    )
    return problems


def application_submit(
    *, application: Application, actor, expected_version: int | None = None
) -> Application:
    """Submit, if before the close (server time, to the second) and complete.

    A late or incomplete submission changes nothing: the draft is kept.
    `expected_version` is the draft as the person read it on the check page:
    if a colleague saved it since, it is not submitted unreviewed.
    """
    _member_required(application.organisation, actor)
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("round", "organisation")
            .get(pk=application.pk)
        )
        if application.state != State.DRAFT:
            raise ValidationError("This application has already been submitted.")
        if expected_version is not None and application.version != expected_version:
            raise ValidationError(
                "Nothing was submitted: the application changed after you opened this page. "
                "Check the answers below again, then submit."
            )
        round_ = application.round
        if timezone.now() >= round_.closes_at:
            raise ValidationError(
                f"This round closed at {closes_in_words(round_)}. Your draft is kept, "
                "but it can no longer be submitted."
            )
        problems = application_problems(application)
        if problems:
            raise ValidationError(problems)
        transition_apply(application, "submit", actor=actor)
        # The eligibility check starts on its own: the rules are data.
        application.start_eligibility_check(by=SYSTEM, description="Eligibility check started")
        application.save()
        notifications.applicant_notify(application, "submitted")
    return application


def application_withdraw(*, application: Application, actor, reason: str = "") -> Application:
    _member_required(application.organisation, actor)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        transition_apply(
            application,
            "withdraw",
            actor=actor,
            refused="A decision has been made, so this application can no longer be withdrawn.",
            description=reason or "Withdrawn by the applicant",
        )
        application.save()
        notifications.applicant_notify(application, "withdrawn")
    return application
