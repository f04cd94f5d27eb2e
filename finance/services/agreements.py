"""The grant agreement: made as a PDF when the offer is sent, from the
programme's template; accepted online by the grantee.

The PDF is made once and kept as a private file. Its SHA-256 fingerprint is
stored when it is made, carried by the acceptance form (the fingerprint of
the document the grantee was shown) and stored again with the acceptance
from the bytes read at that moment, so the document either side downloads
later can be checked against what was accepted, byte for byte.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from finance.audit import finance_audit
from finance.models import Agreement, ProgrammeFinance
from grants.models import Award, State
from grants.services import awards
from organisations.selectors import membership_for
from social_value.models import Commitment


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def agreement_bytes(agreement: Agreement) -> bytes:
    with agreement.document.open("rb") as document:
        return document.read()


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def agreement_render(award: Award, template) -> bytes:
    application = award.application
    commitments = (
        Commitment.objects.filter(submission_id=application.submission_id).select_related("measure")
        if application.submission_id
        else []
    )
    html = render_to_string(
        "finance/agreement_pdf.html",
        {
            "template": template,
            "introduction": _paragraphs(template.introduction),
            "conditions": _paragraphs(award.terms) + _paragraphs(template.conditions),
            "closing": _paragraphs(template.closing),
            "award": award,
            "application": application,
            "organisation": application.organisation,
            "funder": settings.THREESIXTY_GIVING_FUNDER_NAME,
            "payments": list(award.payments.all()),
            "returns": list(award.returns.all()),
            "commitments": list(commitments),
        },
    )
    return HTML(string=html).write_pdf()


def agreement_make(*, award: Award) -> Agreement | None:
    """Make the award's agreement from its programme's template, once.
    Called when the offer is sent (grants.hooks.OFFER_SENT); a programme
    with no template has no agreement and its offer is accepted by name."""
    existing = Agreement.objects.filter(award=award).first()
    if existing:
        return existing
    settings_ = (
        ProgrammeFinance.objects.filter(programme_id=award.application.round.programme_id)
        .select_related("agreement_template")
        .first()
    )
    if settings_ is None or settings_.agreement_template is None:
        return None
    data = agreement_render(award, settings_.agreement_template)
    agreement = Agreement(award=award, sha256=fingerprint(data))
    agreement.document.save("agreement.pdf", ContentFile(data), save=False)
    agreement.save()
    return agreement


@transaction.atomic
def agreement_accept(
    *, agreement: Agreement, actor, name: str, role: str, ip: str | None, shown_sha256: str
) -> Agreement:
    """The grantee accepts the agreement they were shown: their name, role,
    the time, their address and the fingerprint of the document, then the
    offer itself is accepted."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    application = agreement.award.application
    if membership_for(user=actor, organisation=application.organisation) is None:
        raise PermissionDenied("Only members of the organisation can accept its agreement.")
    if application.state != State.OFFER or agreement.accepted_at:
        raise ValidationError("This offer is no longer open.")
    errors = {}
    if not name.strip():
        errors["name"] = "Enter your full name"
    if not role.strip():
        errors["role"] = "Enter your role in the organisation"
    if errors:
        raise ValidationError(errors)
    accepted = fingerprint(agreement_bytes(agreement))
    if shown_sha256 != agreement.sha256 or accepted != agreement.sha256:
        raise ValidationError(
            "The agreement has changed since you opened it: read it again before accepting."
        )
    agreement.accepted_at, agreement.accepted_by = timezone.now(), actor
    agreement.accepted_name, agreement.accepted_role = name.strip(), role.strip()
    agreement.accepted_ip, agreement.accepted_sha256 = ip, accepted
    agreement.save()
    finance_audit(
        agreement,
        actor=actor,
        transition="agreement_accept",
        source="offered",
        state="accepted",
        text=f"Agreement accepted by {agreement.accepted_name} ({agreement.accepted_role}), "
        f"SHA-256 {accepted}",
    )
    awards.offer_accept(application=application, actor=actor, signed_name=name)
    return agreement


def agreement_readable_by(agreement: Agreement, user) -> bool:
    """The grantee's members, and the staff who deal with the grant."""
    organisation = agreement.award.application.organisation
    if membership_for(user=user, organisation=organisation) is not None:
        return True
    return user.has_perm("grants.assess_application") or user.has_perm("grants.export_payments")


def offer_accept_blockers(application) -> list[str]:
    """An offer with an agreement is accepted only by accepting the agreement."""
    agreement = Agreement.objects.filter(award__application=application).first()
    if agreement is not None and agreement.accepted_at is None:
        return ["Accept the grant agreement to accept the offer."]
    return []
