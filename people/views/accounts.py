"""Signing up. Signing in, out and resetting a password are Django's own
views, given the project's forms and templates in `people.urls`."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render

from people.forms import SignUpForm


def signup(request):
    if request.user.is_authenticated:
        return redirect("portal-dashboard")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your account is ready.")
        return redirect(request.GET.get("next") or "portal-dashboard")
    return render(request, "registration/signup.html", {"form": form})
