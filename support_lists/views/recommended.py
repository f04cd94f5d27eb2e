"""A link worker's recommended lists: start one for a person they support
(a first name or a reference is all it needs), put assets on it with a
note each, and make the private link to give the person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from assets.models import Asset
from assets.selectors import LIVE
from support_lists.forms import RecommendedListForm, RecommendItemForm
from support_lists.models import SupportListItem
from support_lists.selectors import list_items, lists_recommended_by
from support_lists.services import lists as services

RECOMMEND = services.RECOMMEND


def _mine(request, pk):
    return get_object_or_404(lists_recommended_by(request.user), pk=pk)


@login_required
@permission_required(RECOMMEND, raise_exception=True)
def recommended_index(request):
    form = RecommendedListForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            support_list, _token = services.recommended_list_start(
                actor=request.user, made_for=form.cleaned_data["made_for"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"The list for {support_list.made_for} is started: add support to it."
            )
            return redirect("support_lists:recommended", pk=support_list.pk)
    return render(
        request,
        "support_lists/recommended_index.html",
        {"lists": lists_recommended_by(request.user), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@permission_required(RECOMMEND, raise_exception=True)
def recommended_detail(request, pk):
    support_list = _mine(request, pk)
    return render(
        request,
        "support_lists/recommended.html",
        {"support_list": support_list, "items": list_items(support_list)},
    )


@login_required
@permission_required(RECOMMEND, raise_exception=True)
def recommend_asset(request, asset_pk):
    """Put the asset on one of the link worker's lists, with a note."""
    asset = get_object_or_404(Asset.objects.filter(LIVE), pk=asset_pk)
    lists = lists_recommended_by(request.user)
    form = RecommendItemForm(request.POST if request.method == "POST" else None, lists=lists)
    if request.method == "POST" and form.is_valid():
        support_list = form.cleaned_data["support_list"]
        try:
            services.item_add(
                support_list=support_list,
                asset=asset,
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{asset.name} is on the list for {support_list.made_for}.")
            return redirect("support_lists:recommended", pk=support_list.pk)
    return render(
        request,
        "support_lists/recommend_asset.html",
        {"asset": asset, "form": form, "lists": lists},
        status=400 if form.errors else 200,
    )


@login_required
@permission_required(RECOMMEND, raise_exception=True)
@require_POST
def recommended_remove(request, pk, item_pk):
    support_list = _mine(request, pk)
    item = get_object_or_404(SupportListItem, pk=item_pk, support_list=support_list)
    services.item_remove(item=item, actor=request.user)
    messages.success(request, f"{item.asset.name} is off the list.")
    return redirect("support_lists:recommended", pk=support_list.pk)


@login_required
@permission_required(RECOMMEND, raise_exception=True)
@require_POST
def recommended_link(request, pk):
    """Make the private link to give the person (any earlier link stops
    working: only a hash is kept, so the old one cannot be shown again)."""
    support_list = _mine(request, pk)
    token = services.list_link_renew(support_list=support_list, actor=request.user)
    messages.success(
        request,
        "This is the list’s private link. Copy it, send it by e-mail or print the list now.",
    )
    return redirect("support_lists:list", token=token)
