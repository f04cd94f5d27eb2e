"""The bidder's pages: find a tender, register interest, ask, bid per lot,
see the outcome. Every read of a bid goes through `bid_readable_by`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from commissioning import selectors
from commissioning.access import (
    SEALED_MESSAGE,
    bid_readable_by,
    is_bidder,
    tender_document_readable_by,
)
from commissioning.forms import (
    BidStartForm,
    ClarificationAskForm,
    InterestForm,
    VersionField,
    errors_onto,
)
from commissioning.models import (
    UNPUBLISHED,
    Bid,
    BidDocument,
    BidState,
    Lot,
    Tender,
    TenderDocument,
    TenderState,
)
from commissioning.services import bids as bid_services
from commissioning.services import tenders as tender_services
from foundation.deadlines import deadline_changes
from foundation.files import file_download
from grants.questions import MoneyField, answers_for_display, build_application_form
from organisations.selectors import organisations_of
from social_value.promises import PromisesForm, framework_measures, promises_valued


def tenders_open(request):
    return render(request, "commissioning/tenders_open.html", {"tenders": selectors.tenders_open()})


def tender_public(request, pk):
    tender = get_object_or_404(Tender.objects.select_related("commission"), pk=pk)
    return _tender_page(request, tender)


def _tender_page(request, tender, *, posted=None):
    """The published tender. `posted` is (which form, the form) when one
    came back with problems: it is shown as typed, and the page answers 400."""
    if tender.state in UNPUBLISHED:
        raise PermissionDenied("This tender is not published.")
    which, bound = posted or (None, None)

    def pick(key, fresh):
        return bound if key == which else fresh

    organisations = organisations_of(user=request.user) if request.user.is_authenticated else []
    # Forms only for people who can act for an organisation.
    acting = bool(organisations) and tender.state == TenderState.PUBLISHED
    lots = tender.lots.all()
    return render(
        request,
        "commissioning/tender_public.html",
        {
            "tender": tender,
            "deadline_changes": deadline_changes(tender),
            # (lot, the form to start a bid for it)
            "lots": [
                (
                    lot,
                    pick(("bid", lot.pk), BidStartForm(organisations=organisations, lot=lot))
                    if acting
                    else None,
                )
                for lot in lots
            ],
            "clarifications": tender.clarifications.filter(published_at__isnull=False),
            "ask_form": pick("ask", ClarificationAskForm(organisations=organisations))
            if acting
            else None,
            "interest_form": pick("interest", InterestForm(organisations=organisations))
            if acting
            else None,
            "error_form": bound,
            "my_bids": Bid.objects.filter(
                tender=tender, organisation__in=organisations
            ).select_related("lot")
            if organisations
            else [],
            "deadline": bid_services.deadline_in_words(tender),
        },
        status=400 if bound else 200,
    )


def _tell(request, action, success):
    try:
        action()
        messages.success(request, success)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


def _act(request, tender, key, form, action, success, done=None):
    """Run `action(organisation, form)` for a valid form, then go back to the
    tender (or to `done(result)`); show the form again with its problems."""
    if form.is_valid():
        try:
            result = action(form.cleaned_data["organisation"], form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            if success:
                messages.success(request, success)
            return done(result) if done else redirect("tender-public", pk=tender.pk)
    return _tender_page(request, tender, posted=(key, form))


@login_required
@require_POST
def interest_register(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    return _act(
        request,
        tender,
        "interest",
        InterestForm(request.POST, organisations=organisations_of(user=request.user)),
        lambda organisation, data: tender_services.interest_register(
            tender=tender, organisation=organisation, actor=request.user
        ),
        "Interest registered: you will hear every clarification.",
    )


@login_required
@require_POST
def clarification_ask(request, pk):
    tender = get_object_or_404(Tender, pk=pk)
    return _act(
        request,
        tender,
        "ask",
        ClarificationAskForm(request.POST, organisations=organisations_of(user=request.user)),
        lambda organisation, data: tender_services.clarification_ask(
            tender=tender, organisation=organisation, actor=request.user, question=data["question"]
        ),
        "Your question is sent.",
    )


@login_required
@require_POST
def bid_start(request, lot_pk):
    lot = get_object_or_404(Lot.objects.select_related("tender"), pk=lot_pk)
    organisations = organisations_of(user=request.user)
    return _act(
        request,
        lot.tender,
        ("bid", lot.pk),
        BidStartForm(request.POST, organisations=organisations, lot=lot),
        lambda organisation, data: bid_services.bid_start(
            lot=lot, organisation=organisation, actor=request.user
        ),
        None,
        done=lambda bid: redirect("bid-edit", pk=bid.pk),
    )


def _own_bid(request, pk) -> Bid:
    bid = get_object_or_404(Bid.objects.select_related("tender", "lot", "organisation"), pk=pk)
    if not is_bidder(bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    return bid


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
    form.fields["version"] = VersionField()
    form.initial["version"] = bid.version
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
                expected_version=form.cleaned_data["version"],
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
            errors_onto(form, error)
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
            "letters": bid.letters.all() if is_bidder(bid, request.user) else [],
            "is_bidder": is_bidder(bid, request.user),
        },
    )


@login_required
def bid_file(request, pk):
    document = get_object_or_404(BidDocument.objects.select_related("bid__tender"), pk=pk)
    if not bid_readable_by(document.bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    return file_download(
        request, document=document, file=document.file, filename=document.original_name
    )


def tender_document(request, pk):
    """A tender's document: public once the tender is published, before
    that only for commissioners."""
    document = get_object_or_404(TenderDocument.objects.select_related("tender"), pk=pk)
    if not tender_document_readable_by(document, request.user):
        raise Http404("No such document.")
    return file_download(
        request, document=document, file=document.file, filename=_document_name(document)
    )


def _document_name(document) -> str:
    extension = document.file.name.rsplit(".", 1)[-1] if "." in document.file.name else ""
    return f"{document.title}.{extension}" if extension else document.title


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
