"""The forms of the personal data pages: finding a person, erasing them."""

from django import forms


class PersonFindForm(forms.Form):
    q = forms.CharField(
        label="Name or e-mail address",
        max_length=200,
        error_messages={"required": "Enter part of a name or an e-mail address"},
    )


class PersonEraseForm(forms.Form):
    reason = forms.CharField(
        label="Why is this person's data being erased?",
        max_length=200,
        help_text="Goes into the audit trail, for example “request received 3 March 2026”. "
        "Do not write the person's name.",
        error_messages={"required": "Enter why this person's data is being erased"},
    )
    confirmed = forms.BooleanField(
        label="I understand that their name, e-mail address and sign-in are removed for "
        "good, and this cannot be undone",
        error_messages={"required": "Confirm that you understand this cannot be undone"},
    )
