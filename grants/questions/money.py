"""The budget table that must add up, in money as people write it."""

import re
from decimal import Decimal

from django import forms

from foundation.money import MONEY_LIMIT, format_money, parse_money

# --- the budget table ---------------------------------------------------------------


def budget_total(rows) -> Decimal:
    """The sum of a stored budget: a list of {"item": …, "amount": "12.50"}."""
    return sum((Decimal(str(row["amount"])) for row in rows or []), Decimal(0))


def _blank(row) -> bool:
    return not (str(row.get("item") or "").strip() or str(row.get("amount") or "").strip())


class BudgetTableWidget(forms.Widget):
    """Rows of inputs posted as `<name>-<n>-item` and `<name>-<n>-amount`,
    n counting from 0; row n is shown, and named in messages, as "Row n+1"."""

    template_name = "grants/widgets/budget_table.html"
    # Enough for most small projects; saving a draft always brings this many
    # more, so nobody runs out of rows.
    blank_rows = 5
    caption = "Budget"

    def value_from_datadict(self, data, files, name):
        pattern = re.compile(rf"^{re.escape(name)}-(\d+)-(item|amount)$")
        rows: dict[int, dict] = {}
        for key in data:
            match = pattern.match(key)
            if match:
                rows.setdefault(int(match.group(1)), {})[match.group(2)] = data.get(key, "")
        return [rows[n] for n in sorted(rows)]

    def id_for_label(self, id_):
        # The question's label leads to the first box, so the error summary's
        # link lands where the applicant can type.
        return f"{id_}-0-item" if id_ else id_

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [
            {"item": str(row.get("item") or ""), "amount": str(row.get("amount") or "")}
            for row in (value if isinstance(value, list) else [])
        ]
        # Rows keep their places (only trailing blanks go), so "Row 3" in a
        # message is still the third row when the page comes back.
        while rows and _blank(rows[-1]):
            rows.pop()
        filled = [row for row in rows if not _blank(row)]
        amounts = [parse_money(row["amount"]) for row in filled]
        complete = filled and all(row["item"].strip() for row in filled) and None not in amounts
        rows += [{"item": "", "amount": ""} for _ in range(self.blank_rows)]
        context["widget"].update(
            rows=rows,
            caption=self.caption,
            blank_rows=self.blank_rows,
            total=format_money(sum(amounts, Decimal(0))) if complete else None,
        )
        return context


class BudgetTableField(forms.Field):
    """Cleans to [{"item": "Hall hire", "amount": "250.00"}, …]; blank rows are
    ignored, and every half-filled row is reported, by number, at once."""

    widget = BudgetTableWidget

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.caption = self.label or BudgetTableWidget.caption

    def to_python(self, value):
        rows, problems = [], []
        for number, row in enumerate(value or [], start=1):
            if _blank(row):
                continue
            item = str(row.get("item") or "").strip()
            amount = parse_money(row.get("amount"))
            if amount is not None and amount >= MONEY_LIMIT:
                problems.append(f"Row {number}: check this amount; it is too large to be right.")
            elif not item and amount is not None:
                problems.append(f"Row {number}: say what the {format_money(amount)} is for.")
            elif not item:
                problems.append(
                    f"Row {number}: say what this line is for, and give an amount in pounds, "
                    "like 250 or 250.00."
                )
            elif amount is None:
                problems.append(f"Row {number}: give an amount in pounds, like 250 or 250.00.")
            else:
                rows.append({"item": item, "amount": f"{amount:.2f}"})
        if problems:
            raise forms.ValidationError(problems)
        return rows
