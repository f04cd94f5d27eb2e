"""Signing up, in and out, and resetting a password: mounted at /accounts/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from people.forms import SignInForm
from people.views import accounts

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="account-login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="account-logout"),
    path("sign-up/", accounts.signup, name="account-signup"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
