"""Signing up, in and out, and resetting a password: mounted at /accounts/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from people import oidc
from people.forms import PasswordResetRequestForm
from people.views import accounts, two_factor

urlpatterns = [
    path("sign-in/", accounts.SignInView.as_view(), name="account-login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="account-logout"),
    path("sign-up/", accounts.signup, name="account-signup"),
    path("sign-up/sent/", accounts.signup_sent, name="account-signup-sent"),
    path("confirm/again/", accounts.confirmation_again, name="account-confirm-again"),
    path("confirm/<uidb64>/<token>/", accounts.signup_confirmed, name="account-confirm"),
    path(
        "password-reset/",
        # The link is queued in the outbox (people.forms), never sent inline.
        auth_views.PasswordResetView.as_view(form_class=PasswordResetRequestForm),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Two-step verification (people.two_factor)
    path("two-factor/", two_factor.two_factor_manage, name="two-factor-manage"),
    path("two-factor/set-up/", two_factor.two_factor_setup, name="two-factor-setup"),
    path("two-factor/code/", two_factor.two_factor_verify, name="two-factor-verify"),
    path(
        "two-factor/recovery-codes/",
        two_factor.two_factor_recovery_codes,
        name="two-factor-recovery-codes",
    ),
    path(
        "two-factor/recovery-codes/new/",
        two_factor.two_factor_codes_renew,
        name="two-factor-codes-renew",
    ),
    path("two-factor/turn-off/", two_factor.two_factor_turn_off, name="two-factor-turn-off"),
    # The council's identity provider, when configured (people.oidc)
    path("provider/sign-in/", oidc.oidc_start, name="oidc_authentication_init"),
    path("provider/callback/", oidc.oidc_callback, name="oidc_authentication_callback"),
]
