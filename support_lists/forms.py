"""Forms for lists of support: sharing a list by e-mail, a link worker's
new recommended list, and putting an asset on one with a note."""

from django import forms

from support_lists.models import SupportList


class ShareForm(forms.Form):
    to = forms.EmailField(
        label="Their e-mail address",
        help_text="A family carer, a friend or your link worker.",
        error_messages={
            "required": "Enter the e-mail address to send the list to",
            "invalid": "Enter an e-mail address in the right format, like name@example.com",
        },
    )
    sender = forms.CharField(
        label="Your name", required=False, max_length=60, help_text="So they know who sent it."
    )
    message = forms.CharField(
        label="A message", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RecommendedListForm(forms.ModelForm):
    class Meta:
        model = SupportList
        fields = ["made_for"]
        labels = {"made_for": "Who is the list for?"}
        error_messages = {"made_for": {"required": "Enter a first name or a reference"}}


class RecommendItemForm(forms.Form):
    support_list = forms.ModelChoiceField(
        queryset=SupportList.objects.none(),
        label="Which list?",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a list", "invalid_choice": "Choose one of your lists"},
    )
    note = forms.CharField(
        label="Note for the person",
        required=False,
        max_length=1000,
        help_text="Why this could help, who to ask for, what to say when you call.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, lists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_list"].queryset = lists
        self.fields["support_list"].label_from_instance = lambda found: found.made_for
