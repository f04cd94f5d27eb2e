from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
)
from django.core.exceptions import ValidationError

from people import mail
from people.models import User
from people.selectors import person_awaiting_confirmation


def _no_autofocus(form) -> None:
    # Moving focus on load skips the skip link and surprises screen reader
    # users; GOV.UK asks pages to leave focus where the browser puts it.
    for field in form.fields.values():
        field.widget.attrs.pop("autofocus", None)


class SignInForm(AuthenticationForm):
    unconfirmed_message = (
        "You have not confirmed your e-mail address yet. Follow the link in the e-mail "
        "we sent when you created your account, then sign in."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set when the right password was given for an account whose address
        # is not confirmed; the page then offers to send the link again.
        self.unconfirmed = False
        _no_autofocus(self)

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            # Django refuses an inactive account as it refuses a wrong
            # password. Someone who has just signed up deserves to know why;
            # only the right password earns the explanation, so it tells no
            # stranger that the address has an account.
            if error.code == "invalid_login" and person_awaiting_confirmation(
                email=self.cleaned_data.get("username"),
                password=self.cleaned_data.get("password"),
            ):
                self.unconfirmed = True
                raise ValidationError(self.unconfirmed_message, code="unconfirmed") from None
            raise


class SignUpForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        _no_autofocus(self)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # Whether the address already has an account is not the form's to
        # say: sign-up answers the same either way, so that nobody can use it
        # to learn who has an account here (`people.services.signup`).
        pass


class ConfirmationResendForm(forms.Form):
    email = forms.EmailField(label="E-mail address", max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class PasswordResetRequestForm(PasswordResetForm):
    """Django's, except that the link is queued in the outbox rather than
    sent while the person waits: a mail server that is down delays the
    e-mail instead of failing the page or losing it. Django still decides
    who gets one (an active account with a password), and the page answers
    the same for an address without an account."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        mail.password_reset_send(
            person=context["user"], uidb64=context["uid"], token=context["token"]
        )


# What an organisation tells us about itself, in the portal and the admin.


class TwoFactorCodeForm(forms.Form):
    """The code from an authenticator app, or a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = self.fields["code"].widget.attrs
        attrs.update({"autocomplete": "one-time-code", "spellcheck": "false"})


class TwoFactorSetupForm(forms.Form):
    """The first code from a newly set-up app, proving it holds the secret."""

    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        help_text="The 6-digit code your app now shows for this site.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = self.fields["code"].widget.attrs
        attrs.update({"autocomplete": "one-time-code", "inputmode": "numeric"})
