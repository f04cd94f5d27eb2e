"""The bidder's pages: find a tender, register interest, ask, bid per lot,
see the outcome. Every read of a bid goes through `bid_readable_by`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from commissioning import selectors
from commissioning.access import SEALED_MESSAGE, bid_readable_by, is_bidder
from commissioning.models import Bid, BidDocument, BidState, Lot, Tender, TenderState
from commissioning.services import bids as bid_services
from commissioning.services import tenders as tender_services
from grants.questions import MoneyField, answers_for_display, build_application_form
from organisations.selectors import organisations_of
from social_value.promises import PromisesForm, framework_measures, promises_valued


def tenders_open(request):
    return render(request, "commissioning/tenders_open.html", {"tenders": selectors.tenders_open()})


def tender_public(request, pk):
    tender = get_object_or_404(Tender.objects.select_related("commission"), pk=pk)
    if tender.state == "draft" or tender.state == "approved":
        raise PermissionDenied("This tender is not published.")
    organisations = organisations_of(user=request.user) if request.user.is_authenticated else []
    return render(
        request,
        "commissioning/tender_public.html",
        {
            "tender": tender,
            "lots": tender.lots.all(),
            "clarifications": tender.clarifications.filter(published_at__isnull=False),
            "organisations": organisations,
            "my_bids": Bid.objects.filter(
                tender=tender, organisation__in=organisations
            ).select_related("lot")
            if organisations
            else [],
            "deadline": bid_services.deadline_in_words(tender),
        },
    )


def _organisation(request):
    return get_object_or_404(
        organisations_of(user=request.user), pk=request.POST.get("organisation")
    )


def _tell(request, action, success):
    try:
        action()
        messages.success(request, success)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def interest_register(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    _tell(
        request,
        lambda: tender_services.interest_register(
            tender=tender, organisation=_organisation(request), actor=request.user
        ),
        "Interest registered: you will hear every clarification.",
    )
    return redirect("tender-public", pk=pk)


@login_required
@require_POST
def clarification_ask(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    _tell(
        request,
        lambda: tender_services.clarification_ask(
            tender=tender,
            organisation=_organisation(request),
            actor=request.user,
            question=request.POST.get("question", ""),
        ),
        "Your question is sent.",
    )
    return redirect("tender-public", pk=pk)


@login_required
@require_POST
def bid_start(request, lot_pk):
    lot = get_object_or_404(Lot, pk=lot_pk)
    try:
        bid = bid_services.bid_start(
            lot=lot, organisation=_organisation(request), actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("tender-public", pk=lot.tender_id)
    return redirect("bid-edit", pk=bid.pk)


def _own_bid(request, pk) -> Bid:
    bid = get_object_or_404(Bid.objects.select_related("tender", "lot", "organisation"), pk=pk)
    if not is_bidder(bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    return bid


def _posted_version(request) -> int:
    """The version the form was opened at; a missing one counts as stale."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


@login_required
def bid_edit(request, pk):
    bid = _own_bid(request, pk)
    files = {d.question_id: d.original_name for d in bid.documents.all()}
    posted = request.method == "POST"
    form = build_application_form(
        bid.tender.questions,
        data=request.POST if posted else None,
        files=request.FILES if posted else None,
        initial=bid.draft_answers,
        existing_files=files,
    )
    price_field = MoneyField(label="Your price for this lot (£)", required=False)
    form.fields["price"] = price_field
    form.fields["price"].hide_optional = True
    form.initial["price"] = bid.draft_price
    measures = framework_measures(bid.tender.call.framework)
    promises = PromisesForm(
        request.POST if posted else None,
        measures=measures,
        initial_promises=bid.draft_commitments,
    )
    status = 200
    if posted and form.is_valid() and promises.is_valid():
        try:
            bid = bid_services.bid_save(
                bid=bid,
                actor=request.user,
                expected_version=_posted_version(request),
                answers=form.answers(),
                price=form.cleaned_data["price"],
                files=form.uploaded_files(),
                commitments=promises.promises(),
            )
            if request.POST.get("action") == "check":
                return redirect("bid-check", pk=bid.pk)
            if request.POST.get("action") == "submit":
                bid_services.bid_submit(bid=bid, actor=request.user)
                return redirect("bid-submitted", pk=bid.pk)
            messages.success(request, "Your draft is saved.")
            return redirect("bid-edit", pk=bid.pk)
        except bid_services.StaleBid:
            form.add_error(
                None,
                "Someone else in your organisation saved this bid after you "
                "opened it. Reload the page to see their version.",
            )
        except ValidationError as error:
            problems = (
                error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            )
            for field, errors in problems.items():
                form.add_error(field if field in form.fields else None, errors)
    if posted:
        status = 400
    promised, promised_total = promises_valued(measures, bid.draft_commitments)
    problems = bid_services.bid_problems(bid)
    return render(
        request,
        "commissioning/bid_edit.html",
        {
            "bid": bid,
            "form": form,
            "promises": promises,
            "promised": promised,
            "promised_total": promised_total,
            "deadline": bid_services.deadline_in_words(bid.tender),
            "versions": bid.versions.all(),
            "sections": selectors.bid_sections(bid, problems),
            # The saved draft is complete: the check page can be opened directly.
            "ready": not problems,
        },
        status=status,
    )


def _revisable(bid) -> bool:
    """Still open to revising and (re)submitting before the deadline."""
    return (
        bid.state in (BidState.DRAFT, BidState.SUBMITTED)
        and bid.tender.state == TenderState.PUBLISHED
    )


@login_required
def bid_check(request, pk):
    """Check your answers, then submit: the saved draft becomes a sealed version."""
    bid = _own_bid(request, pk)
    if not _revisable(bid):
        return redirect("bid-detail", pk=bid.pk)
    if request.method == "POST":
        try:
            bid_services.bid_submit(bid=bid, actor=request.user)
        except ValidationError as error:
            # The check page lists each remaining problem with a link to fix it.
            if not hasattr(error, "error_dict"):
                messages.error(request, " ".join(error.messages))
            return redirect("bid-check", pk=bid.pk)
        return redirect("bid-submitted", pk=bid.pk)
    files = {d.question_id: d.original_name for d in bid.documents.all()}
    promised, promised_total = promises_valued(
        framework_measures(bid.tender.call.framework), bid.draft_commitments
    )
    return render(
        request,
        "commissioning/bid_check.html",
        {
            "bid": bid,
            "problems": bid_services.bid_problems(bid),
            # (question, answer, the field its Change link goes to)
            "answers": [
                (label, value, f"q_{block.id}")
                for (label, value), block in zip(
                    answers_for_display(bid.tender.questions, bid.draft_answers, files=files),
                    bid.tender.questions,
                    strict=True,
                )
            ],
            "promised": promised,
            "promised_total": promised_total,
            "deadline": bid_services.deadline_in_words(bid.tender),
        },
    )


@login_required
def bid_submitted(request, pk):
    bid = _own_bid(request, pk)
    version = bid.versions.order_by("-number").first()
    if version is None:
        return redirect("bid-check", pk=bid.pk)
    return render(
        request,
        "commissioning/bid_submitted.html",
        {"bid": bid, "version": version, "deadline": bid_services.deadline_in_words(bid.tender)},
    )


@login_required
def bid_detail(request, pk):
    bid = get_object_or_404(Bid.objects.select_related("tender", "lot", "organisation"), pk=pk)
    if not bid_readable_by(bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    version = bid.versions.order_by("-number").first()
    files = {d.question_id: d.original_name for d in bid.documents.all()}
    promised, promised_total = promises_valued(
        framework_measures(bid.tender.call.framework), version.commitments if version else {}
    )
    return render(
        request,
        "commissioning/bid_detail.html",
        {
            "bid": bid,
            "promised": promised,
            "promised_total": promised_total,
            "version": version,
            "versions": bid.versions.all(),
            "answers": answers_for_display(bid.tender.questions, version.answers, files=files)
            if version
            else [],
            "documents": bid.documents.all(),
            "outcome": selectors.bid_outcome(bid) if is_bidder(bid, request.user) else None,
            "is_bidder": is_bidder(bid, request.user),
        },
    )


@login_required
def bid_file(request, pk):
    document = get_object_or_404(BidDocument.objects.select_related("bid__tender"), pk=pk)
    if not bid_readable_by(document.bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )


@login_required
@require_POST
def bid_withdraw(request, pk):
    bid = _own_bid(request, pk)
    _tell(
        request,
        lambda: bid_services.bid_withdraw(bid=bid, actor=request.user),
        "Your bid is withdrawn.",
    )
    return redirect("tender-public", pk=bid.tender_id)
