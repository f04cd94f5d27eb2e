"""Moving an announced round's dates: which one, to when (UK time), and why.
The form is the one every published deadline uses (foundation.forms)."""

from foundation.forms import DeadlineChangeForm
from grants.services.deadlines import ROUND_DATES


class RoundDateForm(DeadlineChangeForm):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"which": "closes_at"})
        super().__init__(*args, deadlines=ROUND_DATES, **kwargs)
        self.fields["which"].label = "Which date is changing?"
        self.fields["which"].error_messages["required"] = "Select which date is changing"
        self.fields["new_time"].label = "Time"
        self.fields["reason"].help_text = "Every organisation with an application is told this."
