"""Each report as a chart people can read: a title, a sentence saying what
it shows, the numbers drawn (for Chart.js, through json_script) and the
same numbers as a table beside it for anyone who does not see the chart."""

from dataclasses import dataclass, field

from django.template.defaultfilters import pluralize

from foundation.templatetags.uk import pounds


@dataclass
class Chart:
    key: str
    title: str
    summary: str
    kind: str  # "bar", "horizontal" or "line"
    labels: list[str]
    series: list[dict]  # {"label": ..., "data": [...]} drawn in order
    head: list[str]
    rows: list[list[str]] = field(default_factory=list)
    unit: str = ""  # "£", "%" or "" for the axis

    def drawing(self) -> dict:
        """What the chart script needs, and nothing else."""
        return {
            "kind": self.kind,
            "labels": self.labels,
            "series": self.series,
            "unit": self.unit,
            "title": self.title,
        }


def _number(value) -> float | None:
    return None if value is None else float(value)


def money_chart(money: dict) -> Chart:
    rows = money["rows"]
    summary = (
        f"{pounds(money['awarded'])} awarded in {money['grants']} "
        f"grant{pluralize(money['grants'])} and "
        f"{pounds(money['paid'])} paid, across {len(rows)} programmes."
        if rows
        else "No grants were awarded or paid in this period."
    )
    return Chart(
        key="money",
        title="Money awarded and paid by programme",
        summary=summary,
        kind="bar",
        labels=[r["programme"] for r in rows],
        series=[
            {"label": "Awarded", "data": [_number(r["awarded"]) for r in rows]},
            {"label": "Paid", "data": [_number(r["paid"]) for r in rows]},
        ],
        head=["Programme", "Grants", "Awarded", "Paid"],
        rows=[
            [r["programme"], str(r["grants"]), pounds(r["awarded"]), pounds(r["paid"])]
            for r in rows
        ],
        unit="£",
    )


def spend_per_head_chart(rows: list[dict]) -> Chart:
    ranked = [r for r in rows if r["per_head"] is not None]
    if ranked:
        top = max(ranked, key=lambda r: r["per_head"])
        low = min(ranked, key=lambda r: r["per_head"])
        summary = (
            f"{top['neighbourhood']} received the most per head ({pounds(top['per_head'])}), "
            f"{low['neighbourhood']} the least ({pounds(low['per_head'])})."
        )
        deprived = [r for r in ranked if r["deprivation"] is not None]
        if deprived:
            most = max(deprived, key=lambda r: r["deprivation"])
            summary += (
                f" The most deprived, {most['neighbourhood']} (score {most['deprivation']}), "
                f"received {pounds(most['per_head'])} per head."
            )
    else:
        summary = "No neighbourhood has a population recorded or any money awarded."
    return Chart(
        key="per-head",
        title="Spend per head by neighbourhood, beside deprivation",
        summary=summary,
        kind="bar",
        labels=[r["neighbourhood"] for r in rows],
        series=[
            {"label": "Awarded per head (£)", "data": [_number(r["per_head"]) for r in rows]},
            {
                "label": "Deprivation score",
                "data": [_number(r["deprivation"]) for r in rows],
                "line": True,
            },
        ],
        head=["Neighbourhood", "Population", "Awarded", "Per head", "Deprivation score"],
        rows=[
            [
                r["neighbourhood"],
                f"{r['population']:,}" if r["population"] else "Not known",
                pounds(r["spend"]),
                pounds(r["per_head"]) if r["per_head"] is not None else "Not known",
                str(r["deprivation"]) if r["deprivation"] is not None else "Not loaded",
            ]
            for r in rows
        ],
        unit="£",
    )


def kinds_chart(kinds: dict) -> Chart:
    rows = kinds["rows"]
    if kinds["total"]:
        shares = "; ".join(f"{r['kind'].lower()}, {r['share']}%" for r in rows)
        summary = f"Of {pounds(kinds['total'])} awarded: {shares}."
    else:
        summary = "No money was awarded in this period."
    return Chart(
        key="kinds",
        title="Share of money awarded by kind of organisation",
        summary=summary,
        kind="horizontal",
        labels=[r["kind"] for r in rows],
        series=[
            {"label": "Share of money awarded (%)", "data": [_number(r["share"]) for r in rows]}
        ],
        head=["Kind of organisation", "Awarded", "Share"],
        rows=[
            [r["kind"], pounds(r["spend"]), f"{r['share']}%" if r["share"] is not None else "None"]
            for r in rows
        ],
        unit="%",
    )


def social_value_chart(rows: list[dict]) -> Chart:
    promised = sum(r["promised_value"] for r in rows)
    delivered = sum(r["delivered_value"] for r in rows)
    summary = (
        f"Social value worth {pounds(promised)} promised and {pounds(delivered)} delivered so far."
        if rows
        else "No social value was promised with these grants."
    )
    return Chart(
        key="social-value",
        title="Social value promised and delivered",
        summary=summary,
        kind="horizontal",
        labels=[r["measure"] for r in rows],
        series=[
            {"label": "Promised (£)", "data": [_number(r["promised_value"]) for r in rows]},
            {"label": "Delivered (£)", "data": [_number(r["delivered_value"]) for r in rows]},
        ],
        head=["Measure", "Promised", "Promised (£)", "Delivered", "Delivered (£)"],
        rows=[
            [
                r["measure"],
                f"{r['promised']:,} {r['unit']}",
                pounds(r["promised_value"]),
                f"{r['delivered']:,} {r['unit']}",
                pounds(r["delivered_value"]),
            ]
            for r in rows
        ],
        unit="£",
    )


def success_chart(*, key: str, title: str, group: str, rates: list) -> Chart:
    shown = [r for r in rates if r.percent is not None]
    unreached = [r.group for r in rates if r.not_reached]
    parts = []
    if shown:
        best = max(shown, key=lambda r: r.percent)
        worst = min(shown, key=lambda r: r.percent)
        parts.append(
            f"Success rates run from {worst.percent}% ({worst.group}) to "
            f"{best.percent}% ({best.group})."
        )
    if unreached:
        parts.append(f"No decided applications from: {', '.join(unreached)}.")
    if any(r.suppressed for r in rates):
        parts.append("Groups with fewer than 5 decided applications are not shown.")
    return Chart(
        key=key,
        title=title,
        summary=" ".join(parts) or "No applications were decided in this period.",
        kind="horizontal",
        labels=[r.group for r in rates],
        series=[{"label": "Successful (%)", "data": [r.percent for r in rates]}],
        head=[group, "Applications decided", "Successful", "Success rate"],
        rows=[
            [
                r.group,
                "Fewer than 5" if r.suppressed else str(r.decided),
                "Not shown" if r.suppressed else str(r.successful),
                "Not shown"
                if r.suppressed
                else ("Not reached" if r.not_reached else f"{r.percent}%"),
            ]
            for r in rates
        ],
        unit="%",
    )


def indicators_chart(rows: list[dict]) -> Chart:
    """Key Human Indicators over time: one line per question, a point per
    quarter; a quarter with fewer than five people has no point."""
    periods = sorted({r["period"] for r in rows})
    questions = sorted({(r["instrument"], r["question"]) for r in rows})
    points = {(r["instrument"], r["question"], r["period"]): r for r in rows}
    series = [
        {
            "label": f"{instrument}: {question}",
            "data": [
                _number(points.get((instrument, question, p), {}).get("mean")) for p in periods
            ],
        }
        for instrument, question in questions
    ]
    table = []
    for instrument, question, period in sorted(points):
        r = points[(instrument, question, period)]
        table.append(
            [
                f"{instrument}: {question}",
                period,
                "Fewer than 5" if r["suppressed"] else str(r["people"]),
                "Not shown" if r["mean"] is None else str(r["mean"]),
            ]
        )
    summary = (
        f"Average answers to {len(questions)} questions over {len(periods)} quarters."
        if rows
        else "No answers have been recorded for this period."
    )
    if any(r["suppressed"] for r in rows):
        summary += " Quarters with fewer than 5 people answering are not shown."
    return Chart(
        key="indicators",
        title="Key Human Indicators over time",
        summary=summary,
        kind="line",
        labels=periods,
        series=series,
        head=["Question", "Quarter", "People", "Average answer"],
        rows=table,
    )
