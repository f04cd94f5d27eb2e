"""Signing up, in and out, and resetting a password: mounted at /accounts/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from people.views import accounts

urlpatterns = [
    path("sign-in/", accounts.SignInView.as_view(), name="account-login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="account-logout"),
    path("sign-up/", accounts.signup, name="account-signup"),
    path("sign-up/sent/", accounts.signup_sent, name="account-signup-sent"),
    path("confirm/again/", accounts.confirmation_again, name="account-confirm-again"),
    path("confirm/<uidb64>/<token>/", accounts.signup_confirmed, name="account-confirm"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
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
]
