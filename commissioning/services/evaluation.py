"""Evaluation after opening: compliance, scoring through the engine,
intended award per lot, standstill, award and contracts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from commissioning.letters import outcome_letters_send
from commissioning.models import Bid, BidState, Contract, LetterKind, Lot, Tender, TenderState
from foundation.audit import audit_trail_for
from foundation.calendar import standstill_end
from foundation.templatetags.uk import long_date
from foundation.transitions import transition_apply
from grants.questions import answers_for_display
from social_value.models import Commitment, Submission
from social_value.promises import commitments_from_promises
from social_value.selectors import ranking_for


def _commissioner_required(actor) -> None:
    if not actor.has_perm("commissioning.run_tender"):
        raise PermissionDenied("Only a commissioner can do this.")


def latest_version(bid: Bid):
    return bid.versions.order_by("-number").first()


@transaction.atomic
def compliance_record(*, bid: Bid, actor, compliant: bool, reason: str = "") -> Bid:
    """Record the compliance check; a compliant bid goes to the panel."""
    bid = Bid.objects.select_for_update(of=("self",)).select_related("tender").get(pk=bid.pk)
    if not compliant and not reason.strip():
        raise ValidationError({"reason": "Say why the bid is not compliant."})
    if compliant:
        transition_apply(
            bid, "mark_compliant", actor=actor, reason=reason, description=reason or "Compliant"
        )
        version = latest_version(bid)
        files = {d.question_id: d.original_name for d in bid.documents.all()}
        bid.submission = Submission.objects.create(
            call=bid.tender.call,
            organisation=bid.organisation,
            reference=bid.reference,
            title=f"{bid.lot}: {bid.organisation}",
            price=version.price,
            submitted_at=version.submitted_at,
            content="\n\n".join(
                f"{label}\n{value}"
                for label, value in answers_for_display(
                    bid.tender.questions, version.answers, files=files
                )
            ),
        )
        commitments_from_promises(submission=bid.submission, promises=version.commitments)
    else:
        transition_apply(
            bid,
            "mark_non_compliant",
            actor=actor,
            reason=reason.strip(),
            description=reason.strip(),
        )
    bid.save()
    return bid


@transaction.atomic
def tender_start_moderation(*, tender: Tender, actor) -> Tender:
    """Once the panel's scores are in and the call is in moderation."""
    tender = Tender.objects.select_for_update().get(pk=tender.pk)
    if tender.bids.filter(state=BidState.OPENED).exists():
        raise ValidationError("Check every opened bid for compliance first.")
    if tender.call.state not in ("moderation", "ranked"):
        raise ValidationError("Open moderation on the panel's scoring page first.")
    transition_apply(tender, "start_moderation", actor=actor, description="Moderation")
    tender.save()
    for bid in tender.bids.filter(state=BidState.COMPLIANT):
        transition_apply(bid, "mark_scored", actor=actor, description="Scored by the panel")
        bid.save()
    return tender


def lot_ranking(lot: Lot):
    submissions = Submission.objects.filter(bid__lot=lot)
    return ranking_for(call=lot.tender.call, submissions_of=submissions)


@transaction.atomic
def intended_award(*, tender: Tender, actor, reasons: dict[int, str]) -> Tender:
    """Name the top-ranked bid of every lot as the intended winner, tell
    every bidder, and start the standstill: eight working days beginning
    with today, the day the contract award notice is published (Procurement
    Act 2023 s.51; `foundation.calendar.standstill_end`)."""
    _commissioner_required(actor)
    tender = Tender.objects.select_for_update().get(pk=tender.pk)
    if tender.state != TenderState.MODERATION:
        raise ValidationError("Intended award follows moderation.")
    errors, winners = {}, {}
    for lot in tender.lots.all():
        ranked = [row for row in lot_ranking(lot) if row.rank == 1]
        if len(ranked) != 1:
            errors[f"lot-{lot.pk}"] = f"{lot}: no single top-ranked bid; finish moderation."
            continue
        if not (reasons.get(lot.pk) or "").strip():
            errors[f"lot-{lot.pk}"] = f"{lot}: give the reason for the award."
            continue
        winners[lot] = Bid.objects.get(submission_id=ranked[0].submission_id)
    if errors:
        raise ValidationError(errors)
    transition_apply(tender, "decide_intended_award", actor=actor, description="Intended award")
    for lot, winner in winners.items():
        lot.winner, lot.award_reason = winner, reasons[lot.pk].strip()
        lot.save()
        for bid in tender.bids.filter(lot=lot, state__in=[BidState.SCORED, BidState.COMPLIANT]):
            transition_apply(bid, "mark_moderated", actor=actor, description="Moderated")
            if bid.pk == winner.pk:
                transition_apply(bid, "win", actor=actor, reason=lot.award_reason)
            else:
                transition_apply(
                    bid,
                    "lose",
                    actor=actor,
                    reason=f"Another bid ranked higher. {lot.award_reason}",
                )
            bid.save()
        for bid in tender.bids.filter(lot=lot, state=BidState.NON_COMPLIANT):
            transition_apply(bid, "lose", actor=actor, reason=bid.compliance_reason)
            bid.save()
    ends_on = standstill_end(timezone.localdate())
    transition_apply(
        tender,
        "start_standstill",
        actor=actor,
        ends_on=ends_on,
        description=f"Standstill to {long_date(ends_on)}",
    )
    tender.save()
    # Every bidder's standstill letter: their scores, the winner's, the reasons.
    outcome_letters_send(tender=tender, kind=LetterKind.STANDSTILL)
    return tender


@transaction.atomic
def standstill_pause(*, tender: Tender, actor, reason: str) -> Tender:
    _commissioner_required(actor)
    tender = Tender.objects.select_for_update().get(pk=tender.pk)
    if tender.state != TenderState.STANDSTILL or not reason.strip():
        raise ValidationError("A standstill is paused during standstill, with a reason.")
    tender.standstill_paused_reason = reason.strip()
    tender.save(update_fields=["standstill_paused_reason"])
    return tender


@transaction.atomic
def standstill_resume(*, tender: Tender, actor) -> Tender:
    _commissioner_required(actor)
    Tender.objects.filter(pk=tender.pk).update(standstill_paused_reason="")
    return Tender.objects.get(pk=tender.pk)


@transaction.atomic
def tender_award(*, tender: Tender, actor, kpis: str = "") -> list[Contract]:
    """Award once standstill is over and unchallenged; record the contracts.
    Separation of duties: the commissioner who made the intended award does
    not confirm it; another one does."""
    tender = Tender.objects.select_for_update().get(pk=tender.pk)
    decided = (
        audit_trail_for(tender).filter(transition="decide_intended_award").order_by("pk").last()
    )
    # Said after "wait for the standstill", which holds for everyone.
    ready = can_proceed(tender.award)
    if ready and actor is not None and decided is not None and decided.by_id == actor.pk:
        raise ValidationError(
            "You made the intended award, so you cannot confirm it: "
            "another commissioner must confirm the award."
        )
    transition_apply(
        tender,
        "award",
        actor=actor,
        refused="Award waits until the standstill period has ended unchallenged.",
        description="Awarded",
    )
    tender.save()
    contracts = []
    for lot in tender.lots.select_related("winner__organisation"):
        winner = lot.winner
        version = latest_version(winner)
        contracts.append(
            Contract.objects.create(
                lot=lot,
                bid=winner,
                supplier=winner.organisation,
                value=version.price,
                starts_on=tender.contract_starts,
                ends_on=tender.contract_ends,
                kpis=kpis,
                recorded_by=actor,
            )
        )
        Commitment.objects.filter(submission_id=winner.submission_id).update(
            delivery_starts=tender.contract_starts
        )
    transition_apply(tender, "record_contracts", actor=actor, description="Contracts recorded")
    tender.save()
    outcome_letters_send(tender=tender, kind=LetterKind.AWARD)
    return contracts
