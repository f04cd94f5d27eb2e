"""Signing up, in and out. Resetting a password is Django's own views,
given the project's templates and a form that queues the link in the
outbox (`people.forms.PasswordResetRequestForm`) in `people.urls`.

Every address taken from the request (`next`) goes through
`foundation.redirects`, so no link can send someone off the site.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from foundation.redirects import next_url, safe_next
from people.forms import ConfirmationResendForm, SignInForm, SignUpForm
from people.oidc import oidc_provider_name
from people.services.lockouts import lockout_clear_after_reset
from people.services.signup import confirmation_resend, person_sign_up, signup_confirm
from people.two_factor import next_step_url, sign_in_started, sign_in_step_pending

# The address the "Check your e-mail" page names, kept between the form and
# the page it redirects to.
SENT_TO = "signup_sent_to"


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm

    def get_redirect_url(self):
        return next_url(self.request)

    def get_success_url(self):
        return safe_next(self.request)

    def form_valid(self, form):
        response = super().form_valid(form)
        # The password was right; staff, and anyone who turned it on, now
        # give a code before any page (people.two_factor).
        sign_in_started(self.request, form.get_user())
        if sign_in_step_pending(self.request):
            return HttpResponseRedirect(next_step_url(self.request, self.get_success_url()))
        return response

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "provider_name": oidc_provider_name(),
            "provider_refused": self.request.GET.get("provider") == "refused",
        }


class SignOutView(auth_views.LogoutView):
    def get_redirect_url(self):
        return next_url(self.request)

    def get_success_url(self):
        # Not the dashboard: signed out, it would only ask them to sign in.
        return safe_next(self.request, default=settings.LOGOUT_REDIRECT_URL)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's, except that the new password also lifts a sign-in lock on
    the account: the locked-out page sends people here."""

    def form_valid(self, form):
        response = super().form_valid(form)
        lockout_clear_after_reset(person=self.user)
        return response


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return HttpResponseRedirect(safe_next(request))
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person_sign_up(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password1"],
            next_path=next_url(request),
        )
        # The same answer whether the address was new or known.
        return _check_your_email(request, data["email"])
    return render(request, "registration/signup.html", {"form": form, "next": next_url(request)})


def signup_sent(request):
    return render(request, "registration/signup_sent.html", {"email": request.session.get(SENT_TO)})


def confirmation_again(request):
    form = ConfirmationResendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        confirmation_resend(email=form.cleaned_data["email"])
        return _check_your_email(request, form.cleaned_data["email"])
    return render(request, "registration/signup_confirm_again.html", {"form": form})


@require_GET
def signup_confirmed(request, uidb64, token):
    person = signup_confirm(uidb64=uidb64, token=token)
    if person is None:
        return render(request, "registration/signup_confirm_invalid.html")
    login(request, person, backend="django.contrib.auth.backends.ModelBackend")
    request.session.pop(SENT_TO, None)
    messages.success(request, "Your account is ready.")
    return HttpResponseRedirect(safe_next(request))


def sign_in_paused(request, original_response=None, credentials=None):
    """What django-axes answers, on our sign-in page and the Wagtail admin's,
    once too many wrong passwords have paused signing in (settings'
    "Signing in" block): a page that says why, for how long, and how to
    reset the password, instead of a bare 403."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _check_your_email(request, email: str):
    request.session[SENT_TO] = email.strip().lower()
    return redirect("account-signup-sent")
