"""The portal pages for partner organisations: register one, edit it, see
its members, invite and remove them. Thin: each one checks who is asking,
then calls a selector or a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organisations import selectors
from organisations.forms import InvitationForm, OrganisationForm
from organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from organisations.services import membership as services


def _membership_required(request, organisation: Organisation, *, admin: bool = False):
    membership = selectors.membership_for(user=request.user, organisation=organisation)
    if membership is None or (admin and not membership.is_admin):
        raise PermissionDenied("You are not a member of this organisation.")
    return membership


def _form_errors_from(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            actor=request.user,
            organisation=form.save(commit=False),
            neighbourhoods=form.cleaned_data["neighbourhoods"],
        )
        messages.success(request, f"{organisation.name} is registered. You are its admin.")
        return redirect("organisation-detail", pk=organisation.pk)
    return render(request, "organisations/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    _membership_required(request, organisation, admin=True)
    form = OrganisationForm(
        request.POST if request.method == "POST" else None, instance=organisation
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your organisation's details are saved.")
        return redirect("organisation-detail", pk=organisation.pk)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    membership = _membership_required(request, organisation)
    invitation_form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not membership.is_admin:
            raise PermissionDenied("Only an organisation admin can invite people.")
        if invitation_form.is_valid():
            try:
                invitation = services.invitation_create(
                    organisation=organisation, actor=request.user, **invitation_form.cleaned_data
                )
            except ValidationError as error:
                _form_errors_from(invitation_form, error)
            else:
                messages.success(request, f"An invitation is on its way to {invitation.email}.")
                return redirect("organisation-detail", pk=organisation.pk)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "membership": membership,
            "members": selectors.organisation_members(organisation=organisation),
            "invitations": selectors.invitations_pending(organisation=organisation)
            if membership.is_admin
            else [],
            "invitation_form": invitation_form,
        },
    )


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(OrganisationInvitation, pk=pk)
    _membership_required(request, invitation.organisation, admin=True)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
        messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisation-detail", pk=invitation.organisation_id)


@login_required
@require_POST
def membership_remove(request, pk):
    membership = get_object_or_404(OrganisationMembership, pk=pk)
    _membership_required(request, membership.organisation, admin=True)
    try:
        services.membership_remove(membership=membership, actor=request.user)
        messages.success(request, f"{membership.user} is no longer a member.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisation-detail", pk=membership.organisation_id)


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(
        OrganisationInvitation.objects.select_related("organisation", "invited_by"), token=token
    )
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except (ValidationError, PermissionDenied) as problem:
            error = " ".join(getattr(problem, "messages", [str(problem)]))
        else:
            messages.success(request, f"You are now a member of {invitation.organisation}.")
            return redirect("organisation-detail", pk=invitation.organisation_id)
    return render(
        request,
        "organisations/invitation_accept.html",
        {"invitation": invitation, "error": error},
        status=400 if error else 200,
    )
