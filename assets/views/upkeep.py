"""Keeping listings living from the public site: claims, the holder's
updates and confirmations, suggestions from anyone, and the officer's
review. Each decision goes through assets.services.upkeep, which keeps history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assets.forms import (
    AssetDetailsForm,
    ClaimDecisionForm,
    ClaimForm,
    SuggestionDecisionForm,
    SuggestionForm,
    decision_form_bound,
)
from assets.models import Asset, AssetClaim, AssetSuggestion, ClaimState, SuggestionState
from assets.services import upkeep as services
from assets.services.upkeep import EDITABLE
from organisations.selectors import membership_for, organisations_of


def _problem(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def asset_claim(request, pk):
    asset = get_object_or_404(Asset, pk=pk)
    form = ClaimForm(request.POST, organisations=organisations_of(user=request.user))
    if not form.is_valid():
        messages.error(request, "Choose one of your organisations.")
        return redirect("asset-detail", pk=asset.pk)
    try:
        services.asset_claim(
            asset=asset, organisation=form.cleaned_data["organisation"], actor=request.user
        )
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, "Thank you. An officer will check your claim.")
    return redirect("asset-detail", pk=asset.pk)


def _holder_only(request, asset):
    if asset.organisation_id is None or (
        membership_for(user=request.user, organisation=asset.organisation) is None
    ):
        raise PermissionDenied("Only the organisation that holds this listing can update it.")


@login_required
def asset_update(request, pk):
    asset = get_object_or_404(Asset.objects.select_related("organisation"), pk=pk)
    _holder_only(request, asset)
    form = AssetDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=model_to_dict(asset, EDITABLE),
    )
    if request.method == "POST" and form.is_valid():
        services.asset_update_by_holder(asset=asset, actor=request.user, changes=form.cleaned_data)
        messages.success(request, "The listing is updated and marked as confirmed today.")
        return redirect("asset-detail", pk=asset.pk)
    return render(
        request,
        "assets/asset_update.html",
        {"asset": asset, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def asset_confirm(request, pk):
    asset = get_object_or_404(Asset.objects.select_related("organisation"), pk=pk)
    _holder_only(request, asset)
    services.asset_update_by_holder(asset=asset, actor=request.user, changes={})
    messages.success(request, "Thank you: the listing is confirmed as right today.")
    return redirect("asset-detail", pk=asset.pk)


def asset_suggest(request, pk=None):
    """Anyone, signed in or not, may suggest a correction or a new asset."""
    asset = get_object_or_404(Asset, pk=pk) if pk else None
    initial = model_to_dict(asset, EDITABLE) if asset else {}
    if request.user.is_authenticated:
        initial |= {
            "suggested_by_name": request.user.get_full_name(),
            "suggested_by_email": request.user.email,
        }
    form = SuggestionForm(
        request.POST if request.method == "POST" else None, initial=initial, new=asset is None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposed = {
            field: str(data[field])
            for field in EDITABLE
            if data.get(field) not in (None, "")
            and (asset is None or data[field] != initial[field])
        }
        try:
            services.suggestion_make(
                proposed=proposed,
                asset=asset,
                name=data["suggested_by_name"],
                email=data["suggested_by_email"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you. An officer will check your suggestion.")
            return redirect("asset-detail", pk=asset.pk) if asset else redirect("asset-directory")
    return render(
        request,
        "assets/asset_suggest.html",
        {"asset": asset, "form": form},
        status=400 if form.errors else 200,
    )


def _suggestion_rows(suggestion: AssetSuggestion) -> list[tuple[str, str, str]]:
    """(label, what the listing says now, what is suggested), in words."""
    rows = []
    for name, value in suggestion.proposed.items():
        field = Asset._meta.get_field(name)
        choices = dict(field.choices or [])
        current = getattr(suggestion.asset, name, "") if suggestion.asset else ""
        rows.append(
            (
                str(field.verbose_name).capitalize(),
                str(choices.get(current, current)),
                str(choices.get(value, value)),
            )
        )
    return rows


@permission_required("assets.change_asset", raise_exception=True)
def asset_review(request):
    """Claims to confirm, deny or revoke and suggestions to accept or reject,
    each row its own form. A refused decision re-shows the page with the
    error at that row's reason box and what was typed still in it."""
    posted = None
    if request.method == "POST":
        posted = decision_form_bound(request.POST)
        if posted.is_valid() and _decide(request, posted):
            messages.success(request, "Decision recorded.")
            return redirect("asset-review")
    suggestions = list(
        AssetSuggestion.objects.filter(state=SuggestionState.PENDING).select_related("asset")
    )
    for suggestion in suggestions:
        suggestion.rows = _suggestion_rows(suggestion)
    claims = list(
        AssetClaim.objects.filter(
            state__in=[ClaimState.UNREVIEWED, ClaimState.CONFIRMED]
        ).select_related("asset", "organisation", "claimed_by")
    )
    _with_forms(claims, ClaimDecisionForm, posted)
    _with_forms(suggestions, SuggestionDecisionForm, posted)
    return render(
        request,
        "assets/asset_review.html",
        {"claims": claims, "suggestions": suggestions, "posted": posted},
        status=400 if posted else 200,
    )


def _with_forms(rows, form_class, posted) -> None:
    """Give each row its form: the one just posted where it was refused."""
    for row in rows:
        if isinstance(posted, form_class) and posted.is_for(row):
            row.form = posted
        else:
            row.form = form_class(initial={form_class.target: row})


def _decide(request, form) -> bool:
    """Record one decision through the services; on refusal, say where."""
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    try:
        if action == "revoke":
            services.claim_revoke(
                claim=form.cleaned_data["claim"], actor=request.user, reason=reason
            )
        elif action in ("confirm", "deny"):
            services.claim_review(
                claim=form.cleaned_data["claim"],
                actor=request.user,
                confirm=action == "confirm",
                reason=reason,
            )
        else:
            services.suggestion_moderate(
                suggestion=form.cleaned_data["suggestion"],
                actor=request.user,
                accept=action == "accept",
                note=reason,
            )
    except ValidationError as error:
        form.add_error(None, error)  # a reason the service asks for goes to its box
        return False
    return True
