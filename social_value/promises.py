"""Social value promises in a bid or application: a quantity per measure of
the call's framework, valued at quantity × proxy value, and turned into
tracked commitments once the submission reaches the panel."""

from decimal import Decimal, InvalidOperation

from django import forms

from foundation.money import money_round
from foundation.templatetags.uk import pounds
from social_value.models import Commitment, Framework, Measure, Submission


def framework_measures(framework: Framework) -> list[Measure]:
    return list(
        Measure.objects.filter(outcome__theme__framework=framework).select_related("outcome__theme")
    )


class PromisesForm(forms.Form):
    """One optional quantity and evidence note per measure."""

    def __init__(self, *args, measures, initial_promises=None, **kwargs):
        super().__init__(*args, prefix="sv", **kwargs)
        self.measures = measures
        initial_promises = initial_promises or {}
        for measure in measures:
            promise = initial_promises.get(measure.code, {})
            quantity = forms.DecimalField(
                label=f"{measure.name} ({measure.get_unit_display()})",
                required=False,
                min_value=Decimal("0.01"),
                max_digits=14,
                decimal_places=2,
                initial=promise.get("quantity"),
                help_text=f"Worth {pounds(measure.proxy_value)} per unit. Evidence: "
                f"{measure.evidence_required}",
            )
            quantity.hide_optional = True
            self.fields[f"quantity_{measure.code}"] = quantity
            self.fields[f"evidence_{measure.code}"] = forms.CharField(
                label=f"How you will evidence it: {measure.name}",
                required=False,
                initial=promise.get("evidence", ""),
            )
            self.fields[f"evidence_{measure.code}"].hide_optional = True

    def promises(self) -> dict:
        return {
            m.code: {
                "quantity": f"{self.cleaned_data[f'quantity_{m.code}']:f}",
                "evidence": self.cleaned_data.get(f"evidence_{m.code}", ""),
            }
            for m in self.measures
            if self.cleaned_data.get(f"quantity_{m.code}")
        }


def promises_valued(measures, promises: dict) -> tuple[list, Decimal]:
    """[(measure, quantity, value)] and the total, in pounds."""
    lines, total = [], Decimal("0.00")
    by_code = {m.code: m for m in measures}
    for code, promise in (promises or {}).items():
        measure = by_code.get(code)
        try:
            quantity = Decimal(promise["quantity"])
        except (InvalidOperation, KeyError, TypeError):
            continue
        if measure is None:
            continue
        value = money_round(quantity * measure.proxy_value)
        lines.append((measure, quantity, value))
        total += value
    return lines, total


def commitments_from_promises(*, submission: Submission, promises: dict) -> list[Commitment]:
    measures = framework_measures(submission.call.framework)
    return Commitment.objects.bulk_create(
        Commitment(
            submission=submission,
            measure=measure,
            quantity=quantity,
            evidence_note=(promises[measure.code].get("evidence") or ""),
        )
        for measure, quantity, _ in promises_valued(measures, promises)[0]
    )
