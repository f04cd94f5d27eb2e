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


def _digits(value: str) -> str:
    # People copy sort codes as 30-94-30 or 30 94 30: both are the digits.
    return "".join(ch for ch in value if ch not in " -\u2013\u2014")


class BankDetailsForm(forms.Form):
    """The account grants are paid into. The numbers are checked for their
    form only (six digits, eight digits): no maintained library does UK
    modulus checking, and staff confirm the account by telephone anyway."""

    widths = {"sort_code": "5", "account_number": "10"}

    account_holder = forms.CharField(
        label="Name on the account",
        max_length=70,
        error_messages={
            "required": "Enter the name on the account",
            "max_length": "Name on the account must be 70 characters or fewer",
        },
    )
    sort_code = forms.CharField(
        label="Sort code",
        help_text="Must be 6 digits long",
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter a sort code"},
    )
    account_number = forms.CharField(
        label="Account number",
        help_text="Must be 8 digits long",
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter an account number"},
    )

    def clean_sort_code(self):
        digits = _digits(self.cleaned_data["sort_code"])
        if not (digits.isdigit() and len(digits) == 6):
            raise forms.ValidationError("Enter a valid sort code like 309430")
        return digits

    def clean_account_number(self):
        digits = _digits(self.cleaned_data["account_number"])
        if not (digits.isdigit() and len(digits) == 8):
            raise forms.ValidationError("Enter a valid account number like 00733445")
        return digits


class BankDetailsVerifyForm(forms.Form):
    note = forms.CharField(
        label="How did you check them?",
        help_text="For example, the number you rang and whom you spoke to",
        max_length=300,
        error_messages={"required": "Say how you checked the bank details"},
    )
