from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from community.models import MembershipRole, Organisation, User


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
ORGANISATION_FIELDS = [
    "name",
    "legal_form",
    "charity_number",
    "company_number",
    "user_led",
    "lived_experience_led",
    "neighbourhoods",
    "staff_count",
    "volunteer_count",
    "staff_with_lived_experience_count",
    "address",
    "postcode",
    "website",
    "email",
]


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        widgets = {
            "neighbourhoods": forms.CheckboxSelectMultiple,
            "address": forms.Textarea(attrs={"rows": 3}),
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-mail address of the person to invite")
    role = forms.ChoiceField(
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        widget=forms.RadioSelect,
        help_text="An organisation admin can invite and remove members.",
    )
