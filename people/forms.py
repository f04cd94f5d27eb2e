from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from people.models import User


def _no_autofocus(form) -> None:
    # Moving focus on load skips the skip link and surprises screen reader
    # users; GOV.UK asks pages to leave focus where the browser puts it.
    for field in form.fields.values():
        field.widget.attrs.pop("autofocus", None)


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_autofocus(self)


class SignUpForm(UserCreationForm):
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
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this e-mail address already exists: sign in instead."
            )
        return email


# What an organisation tells us about itself, in the portal and the admin.
