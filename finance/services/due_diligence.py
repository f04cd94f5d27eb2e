"""Due diligence before an offer: each check the programme requires,
recorded as done by a grants officer, before the offer can be sent.

grants.services.awards.offer_send asks `offer_blockers` through the hook
grants exposes (grants.hooks.OFFER_SEND_CHECKS), registered in
FinanceConfig.ready(): grants cannot import finance, yet the rule holds in
its own service, whichever page or script sends the offer.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from finance.audit import finance_audit
from finance.models import DueDiligenceCheck, DueDiligenceRecord, ProgrammeFinance
from grants.models import Application, State
from organisations import org_ids

OFFICER = "grants.assess_application"
# Due diligence is done between approval and the offer.
OPEN_STATES = (State.APPROVED,)


def required_checks(application: Application) -> list[DueDiligenceCheck]:
    settings_ = ProgrammeFinance.objects.filter(programme_id=application.round.programme_id).first()
    return settings_.required() if settings_ else []


def checks_outstanding(application: Application) -> list[DueDiligenceCheck]:
    done = set(application.due_diligence.values_list("kind", flat=True))
    return [check for check in required_checks(application) if check.value not in done]


def offer_blockers(application: Application) -> list[str]:
    """Why the offer cannot be sent yet: each required check not done."""
    missing = checks_outstanding(application)
    if not missing:
        return []
    names = ", ".join(check.label.lower() for check in missing)
    return [f"Due diligence is not finished: record the {names} check before sending the offer."]


def _registration_check(application: Application, number: str, registered_as: str) -> str:
    """The number in its register's own form, checked against its format
    and the number the organisation gave."""
    organisation = application.organisation
    given = organisation.charity_number or organisation.company_number
    normalise = (
        org_ids.charity_number_normalise
        if organisation.charity_number
        else org_ids.company_number_normalise
    )
    errors = {}
    try:
        number = normalise(number)
    except ValidationError as error:
        errors["register_number"] = error.messages[0]
    else:
        if not number:
            errors["register_number"] = "Enter the number you checked on the register"
        elif given and number != given:
            errors["register_number"] = (
                f"{organisation.name} gave the number {given}: check that number on the register"
            )
    if not registered_as.strip():
        errors["registered_as"] = "Enter the name the register gives"
    if errors:
        raise ValidationError(errors)
    return number


@transaction.atomic
def due_diligence_record(
    *,
    application: Application,
    actor,
    kind: str,
    note: str,
    register_number: str = "",
    registered_as: str = "",
) -> DueDiligenceRecord:
    """Record one check as done, by the officer who did it."""
    if not actor.has_perm(OFFICER):
        raise PermissionDenied("Only a grants officer records due diligence.")
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.state not in OPEN_STATES:
        raise ValidationError("Due diligence is recorded after approval and before the offer.")
    if kind not in {check.value for check in required_checks(application)}:
        raise ValidationError("This programme does not ask for that check.")
    if not note.strip():
        raise ValidationError({"note": "Say what you checked"})
    if kind == DueDiligenceCheck.REGISTRATION:
        register_number = _registration_check(application, register_number, registered_as)
    else:
        register_number = registered_as = ""
    try:
        with transaction.atomic():
            record = DueDiligenceRecord.objects.create(
                application=application,
                kind=kind,
                note=note.strip(),
                register_number=register_number,
                registered_as=registered_as.strip(),
                done_by=actor,
            )
    except IntegrityError:
        raise ValidationError("This check is already recorded.") from None
    finance_audit(
        application,
        actor=actor,
        transition="due_diligence_record",
        source=application.state,
        state=application.state,
        text=f"Due diligence: {record.get_kind_display()} checked. {record.note}"
        + (f" Register: {register_number}, {record.registered_as}." if register_number else ""),
    )
    return record
