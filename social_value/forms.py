from django import forms
from django.utils.html import conditional_escape

from social_value.scales import scale_points


class DeclarationForm(forms.Form):
    conflicted = forms.TypedChoiceField(
        label="Do you have a conflict of interest with this submission?",
        choices=[
            ("no", "No, I have no conflict of interest"),
            ("yes", "Yes, I have a conflict of interest"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="For example you work for, volunteer with, or are related to someone at the "
        "organisation, or you would gain from its success.",
    )
    nature = forms.CharField(
        label="If yes, what is the conflict?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScoresForm(forms.Form):
    """One score and one comment per scored criterion, on the call's scale."""

    def __init__(self, *args, criteria, scale, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        initial_scores = initial_scores or {}
        points = scale_points(scale)
        for criterion in criteria:
            score, comment = initial_scores.get(criterion.pk, (None, ""))
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"Your score for {criterion.title}",
                choices=[
                    (str(p), f"{p}" + (f" – {words}" if words else "")) for p, words in points
                ],
                coerce=int,
                empty_value=None,
                required=False,
                initial=None if score is None else str(score),
                widget=forms.RadioSelect,
                # The criterion's guidance is the hint read with the scale.
                # Help text is shown unescaped, so it is escaped here.
                help_text=conditional_escape(criterion.guidance),
            )
            # A draft may leave a score out; a submission needs them all.
            self.fields[f"score_{criterion.pk}"].hide_optional = True
            comment_field = forms.CharField(
                label=f"Why you gave this score for {criterion.title}",
                help_text="A draft can leave this blank; your submitted scores each need one.",
                required=False,
                initial=comment,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            comment_field.hide_optional = True
            self.fields[f"comment_{criterion.pk}"] = comment_field

    def entries(self) -> dict:
        return {
            c.pk: (
                self.cleaned_data.get(f"score_{c.pk}"),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]


class ModerationForm(forms.Form):
    """One cell of the moderation sheet. The service says which answers a
    criterion needs, so no field is marked optional.

    A submission's cells are sent together in one form, so each cell's
    fields are named by its submission and criterion ("score-12-3")."""

    score = forms.TypedChoiceField(
        label="Moderated score", coerce=int, empty_value=None, required=False
    )
    passed = forms.TypedChoiceField(
        label="Gateway result",
        choices=[("", "Choose"), ("yes", "Passes"), ("no", "Fails")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
    rationale = forms.CharField(
        label="Rationale", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, scale, cell: tuple[int, int], **kwargs):
        self.cell = cell
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.fields["score"].choices = [("", "Choose")] + [
            (str(p), str(p)) for p, _ in scale_points(scale)
        ]
        for field in self.fields.values():
            field.hide_optional = True

    def add_prefix(self, field_name):
        submission, criterion = self.cell
        return f"{field_name}-{submission}-{criterion}"

    def entered(self) -> bool:
        """Whether anything was chosen or typed in this cell: a cell left
        blank is not moderated yet, and that is not a problem."""
        data = self.cleaned_data
        return (
            data.get("score") is not None
            or data.get("passed") is not None
            or bool((data.get("rationale") or "").strip())
        )
