"""UK GDPR pages for administrators: find a person, see and download
everything held about them (subject access), erase them. Every page
answers 403 to anyone who is not an administrator or a superuser; the
services check again and audit."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render

from people.models import User
from people.personal_data_forms import PersonEraseForm, PersonFindForm
from people.services.erasure import person_erase, person_is_erased, personal_data_manager
from people.services.subject_access import subject_access_export

MAX_FOUND = 50


def manager_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not personal_data_manager(request.user):
            raise PermissionDenied("Only an administrator can see this page.")
        return view(request, *args, **kwargs)

    return wrapped


@manager_required
def person_find(request):
    form = PersonFindForm(request.GET or None)
    found = None
    if form.is_valid():
        words = form.cleaned_data["q"].split()
        condition = Q()
        for word in words:
            condition &= (
                Q(email__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
            )
        found = list(User.objects.filter(condition).order_by("last_name", "first_name")[:MAX_FOUND])
    return render(
        request, "people/personal_data/find.html", {"form": form, "found": found, "max": MAX_FOUND}
    )


@manager_required
def personal_data_page(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    export = subject_access_export(actor=request.user, person=person)
    return render(
        request,
        "people/personal_data/export.html",
        {"person": person, "export": export, "erased": person_is_erased(person)},
    )


@manager_required
def personal_data_json(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    export = subject_access_export(actor=request.user, person=person)
    response = JsonResponse(export.as_json(), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="personal-data-{person.pk}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@manager_required
def person_erase_page(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    form = PersonEraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person_erase(actor=request.user, person=person, reason=form.cleaned_data["reason"])
        except (PermissionDenied, ValidationError) as refusal:
            form.add_error(None, " ".join(getattr(refusal, "messages", [str(refusal)])))
        else:
            person.refresh_from_db()
            messages.success(request, f"Personal data erased: the account is now {person}.")
            return redirect("personal-data", pk=person.pk)
    return render(
        request,
        "people/personal_data/erase.html",
        {"person": person, "form": form, "erased": person_is_erased(person)},
    )
