from django import forms

from organisations.models import MembershipRole, Organisation

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
    # GOV.UK input widths sized to the answer: a postcode, a registration
    # number, a count of people.
    widths = {
        "postcode": "10",
        "charity_number": "10",
        "company_number": "10",
        "staff_count": "5",
        "volunteer_count": "5",
        "staff_with_lived_experience_count": "5",
    }

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        # An organisation often works in several neighbourhoods; eligibility
        # for a round counts every one of them.
        labels = {"neighbourhoods": "Neighbourhoods your organisation serves"}
        help_texts = {"neighbourhoods": "Select all that apply."}
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
