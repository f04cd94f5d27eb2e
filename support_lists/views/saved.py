"""A list of support by its private link: anyone holding the link opens
it, signed in or not. A person's own saved list is remembered in their
browser's session, so "Add to my list" on any asset's page adds to it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assets.models import Asset
from assets.selectors import LIVE
from support_lists.forms import ShareForm
from support_lists.models import ListKind, SupportListItem
from support_lists.selectors import list_by_token, list_items
from support_lists.services import lists as services

SESSION_KEY = "support_list_token"


def _private(response):
    """The link is the key: never sent on to another site in a Referer, never
    stored by a shared cache or a search engine. (Same-origin, not
    no-referrer: the list's own forms need their Origin for the CSRF check.)"""
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _opened(request, token):
    """The open list this link gives, or the kind page saying why not."""
    support_list = list_by_token(token)
    if support_list is None:
        return None, _private(render(request, "support_lists/not_found.html", status=404))
    if support_list.revoked:
        return None, _private(render(request, "support_lists/revoked.html", status=410))
    return support_list, None


def _own_list(request):
    support_list = list_by_token(request.session.get(SESSION_KEY, ""))
    if support_list is None or support_list.revoked or support_list.kind != ListKind.PERSONAL:
        return None
    return support_list


@require_POST
def list_add(request, asset_pk):
    asset = get_object_or_404(Asset.objects.filter(LIVE), pk=asset_pk)
    support_list, token = _own_list(request), request.session.get(SESSION_KEY, "")
    if support_list is None:
        support_list, token = services.list_start(actor=request.user)
        request.session[SESSION_KEY] = token
    try:
        services.item_add(support_list=support_list, asset=asset, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("asset-detail", pk=asset.pk)
    messages.success(request, f"{asset.name} is on your list.")
    return redirect("support_lists:list", token=token)


def list_detail(request, token, share_form=None):
    support_list, refused = _opened(request, token)
    if refused:
        return refused
    if support_list.kind == ListKind.PERSONAL:
        # Opened here, it is this browser's list: "Add to my list" adds to it.
        request.session[SESSION_KEY] = token
    link = request.build_absolute_uri(reverse("support_lists:list", args=[token]))
    return _private(
        render(
            request,
            "support_lists/list.html",
            {
                "support_list": support_list,
                "items": list_items(support_list),
                "token": token,
                "link": link,
                "share_form": share_form or ShareForm(),
                "personal": support_list.kind == ListKind.PERSONAL,
            },
            status=400 if share_form is not None else 200,
        )
    )


def list_print(request, token):
    support_list, refused = _opened(request, token)
    if refused:
        return refused
    return _private(
        render(
            request,
            "support_lists/print.html",
            {"support_list": support_list, "items": list_items(support_list), "token": token},
        )
    )


@require_POST
def list_share(request, token):
    support_list, refused = _opened(request, token)
    if refused:
        return refused
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            services.list_share(
                support_list=support_list,
                link=request.build_absolute_uri(reverse("support_lists:list", args=[token])),
                to=form.cleaned_data["to"],
                sender=form.cleaned_data["sender"],
                message=form.cleaned_data["message"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The list is on its way to {form.cleaned_data['to']}.")
            return redirect("support_lists:list", token=token)
    return list_detail(request, token, share_form=form)


@require_POST
def list_remove(request, token, item_pk):
    support_list, refused = _opened(request, token)
    if refused:
        return refused
    item = get_object_or_404(SupportListItem, pk=item_pk, support_list=support_list)
    try:
        services.item_remove(item=item, actor=request.user)
    except PermissionDenied:
        messages.error(request, "Only the link worker who made this list can change it.")
    else:
        messages.success(request, f"{item.asset.name} is off the list.")
    return redirect("support_lists:list", token=token)


def list_revoke(request, token):
    support_list, refused = _opened(request, token)
    if refused:
        return refused
    if support_list.kind == ListKind.RECOMMENDED and request.user.pk != support_list.made_by_id:
        raise PermissionDenied("Only the link worker who made this list can delete it.")
    if request.method == "POST":
        services.list_revoke(support_list=support_list, actor=request.user)
        if request.session.get(SESSION_KEY) == token:
            del request.session[SESSION_KEY]
        return _private(render(request, "support_lists/revoked.html", {"just_now": True}))
    return _private(
        render(request, "support_lists/revoke.html", {"support_list": support_list, "token": token})
    )
