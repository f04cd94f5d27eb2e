"""Approving or sending back a round's launch: each with its reason."""

from django import forms


def _reason(label: str, message: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": message},
    )


class LaunchApprovalForm(forms.Form):
    reason = _reason(
        "Why you approve the launch (recorded in the timeline)", "Give the reason for approving."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="approve-%s", **kwargs)


class LaunchSendBackForm(forms.Form):
    reason = _reason("What needs to change", "Say what needs to change before approval.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="send-back-%s", **kwargs)
