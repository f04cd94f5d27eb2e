"""Each figure of the reports on the hand-built borough (see conftest.py);
the expected numbers are worked out by hand from the list there."""

from datetime import date
from decimal import Decimal

from reports import charts, selectors
from reports.forms import ReportFilter

EVERYTHING = ReportFilter()
YEAR_2026 = ReportFilter(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))


def test_money_awarded_and_paid_by_programme(borough):
    money = selectors.money_by_programme(EVERYTHING)

    # G1 £3,000 + G4 £500 from Lunch Clubs; G2 £2,000 + G3 £1,000 from Green
    # Spaces. The refused offer is no money awarded.
    assert money["rows"] == [
        {
            "programme": "Green Spaces",
            "grants": 2,
            "awarded": Decimal("3000.00"),
            "paid": Decimal("2000.00"),
        },
        {
            "programme": "Lunch Clubs",
            "grants": 2,
            "awarded": Decimal("3500.00"),
            "paid": Decimal("1000.00"),
        },
    ]
    assert (money["grants"], money["awarded"], money["paid"]) == (
        4,
        Decimal("6500.00"),
        Decimal("3000.00"),
    )


def test_the_period_counts_grants_by_their_decision(borough):
    money = selectors.money_by_programme(YEAR_2026)

    # G4, decided in December 2025, falls out.
    assert money["awarded"] == Decimal("6000.00")
    assert money["grants"] == 3


def test_filters_by_programme_neighbourhood_and_type(borough):
    assert selectors.money_by_programme(ReportFilter(programme=borough.green))[
        "awarded"
    ] == Decimal("3000.00")
    # Serving The Heights: Canal Kitchen (£3,000) and Heights Garden (£2,000).
    assert selectors.money_by_programme(ReportFilter(neighbourhood=borough.heights))[
        "awarded"
    ] == Decimal("5000.00")
    assert selectors.money_by_programme(ReportFilter(organisation_type="coop"))[
        "awarded"
    ] == Decimal("1000.00")
    assert selectors.money_by_programme(ReportFilter(round=borough.lunch_round))["grants"] == 2


def test_spend_per_head_beside_deprivation(borough):
    rows = selectors.spend_by_neighbourhood(EVERYTHING)

    # Canal Kitchen's £3,000 is shared between its two neighbourhoods.
    # Canal Side: £1,500 + Canal Trader's £500 = £2,000 for 2,000 people;
    # The Heights: £1,500 + Heights Garden's £2,000 = £3,500 for 1,000.
    # Canal Side's score is the mean of its two areas, (30 + 20) / 2.
    assert rows == [
        {
            "neighbourhood": "Canal Side",
            "population": 2000,
            "spend": Decimal("2000.00"),
            "per_head": Decimal("1.00"),
            "deprivation": Decimal("25.0"),
        },
        {
            "neighbourhood": "Northgate",
            "population": 500,
            "spend": Decimal("0"),
            "per_head": Decimal("0.00"),
            "deprivation": None,
        },
        {
            "neighbourhood": "The Heights",
            "population": 1000,
            "spend": Decimal("3500.00"),
            "per_head": Decimal("3.50"),
            "deprivation": Decimal("40.0"),
        },
    ]


def test_share_of_spend_by_kind_of_organisation(borough):
    kinds = selectors.spend_by_kind_of_organisation(EVERYTHING)

    # Of £6,500: VCSE charity £3,000 + CIC £2,000 + co-op £1,000 = £6,000 (92%);
    # user-led £3,000 (46%); lived experience £2,000 (31%); co-op £1,000 (15%);
    # based in the area: all but the co-op, £5,500 (85%).
    assert kinds["total"] == Decimal("6500.00")
    assert [(r["kind"], r["spend"], r["share"]) for r in kinds["rows"]] == [
        ("Voluntary, community and social enterprise", Decimal("6000.00"), 92),
        ("User-led", Decimal("3000.00"), 46),
        ("Led by people with lived experience", Decimal("2000.00"), 31),
        ("Micro-enterprises and mutuals", Decimal("1000.00"), 15),
        ("Based in the area", Decimal("5500.00"), 85),
    ]


def test_social_value_promised_and_delivered(borough):
    rows = selectors.social_value(EVERYTHING)

    by_measure = {r["measure"]: r for r in rows}
    # 100 hours at £15 promised (£1,500); 40 + 20 delivered (£900).
    hours = by_measure["Volunteering hours"]
    assert (hours["promised"], hours["promised_value"]) == (Decimal(100), Decimal("1500.00"))
    assert (hours["delivered"], hours["delivered_value"]) == (Decimal(60), Decimal("900.00"))
    # 1 job at £10,000 promised; half delivered.
    jobs = by_measure["Jobs for people with lived experience"]
    assert (jobs["promised_value"], jobs["delivered_value"]) == (
        Decimal("10000.00"),
        Decimal("5000.00"),
    )
    # £2,000 spent locally at £0.25 a pound: £500 promised, nothing delivered.
    local = by_measure["Local spend"]
    assert (local["promised_value"], local["delivered_value"]) == (
        Decimal("500.00"),
        Decimal("0.00"),
    )


def test_delivery_counts_in_the_period_its_report_ends(borough):
    rows = selectors.social_value(YEAR_2026)

    hours = next(r for r in rows if r["measure"] == "Volunteering hours")
    # The report ending 31 March 2027 falls out: 40 hours, £600.
    assert (hours["delivered"], hours["delivered_value"]) == (Decimal(40), Decimal("600.00"))


def test_success_rates_by_neighbourhood_hide_groups_under_five(borough):
    rates = {r.group: r for r in selectors.success_by_neighbourhood(EVERYTHING)}

    # Canal Side: G1, G4 and four declined = 6 decided, 2 successful: 33%.
    assert (rates["Canal Side"].decided, rates["Canal Side"].successful) == (6, 2)
    assert rates["Canal Side"].percent == 33
    # The Heights: G1, G2 and the refused offer = 3, fewer than five.
    assert rates["The Heights"].suppressed and rates["The Heights"].percent is None
    # Northgate: a waiting list and a draft, nothing decided: not reached.
    assert rates["Northgate"].not_reached


def test_success_rates_by_type_of_organisation(borough):
    rates = {r.group: r for r in selectors.success_by_organisation_type(EVERYTHING)}

    # Charities: Canal Kitchen's grant and four declined: 1 in 5, 20%.
    charity = rates["Registered charity (trust or association)"]
    assert (charity.decided, charity.successful, charity.percent) == (5, 1, 20)
    # CICs: Heights Garden's grant and its refused offer, 2: not shown.
    assert rates["Community interest company (CIC)"].suppressed
    assert rates["Public body"].not_reached


def test_the_success_table_says_fewer_than_five_not_the_number(borough):
    chart = charts.success_chart(
        key="k",
        title="t",
        group="Neighbourhood",
        rates=selectors.success_by_neighbourhood(EVERYTHING),
    )

    assert chart.rows == [
        ["Canal Side", "6", "2", "33%"],
        ["Northgate", "0", "0", "Not reached"],
        ["The Heights", "Fewer than 5", "Not shown", "Not shown"],
    ]
    assert "Groups with fewer than 5 decided applications are not shown." in chart.summary
    assert chart.series[0]["data"] == [33, None, None]


def test_published_figures_count_published_grants_only(borough):
    published = {"published_only": True}

    # Only Lunch Clubs publishes, from 1 January 2026: G1 (£3,000), not G4.
    money = selectors.money_by_programme(EVERYTHING, **published)
    assert (money["grants"], money["awarded"], money["paid"]) == (
        1,
        Decimal("3000.00"),
        Decimal("1000.00"),
    )
    per_head = {
        r["neighbourhood"]: r["per_head"]
        for r in selectors.spend_by_neighbourhood(EVERYTHING, **published)
    }
    assert per_head == {
        "Canal Side": Decimal("0.75"),
        "Northgate": Decimal("0.00"),
        "The Heights": Decimal("1.50"),
    }
    values = {
        r["measure"]: r["promised_value"] for r in selectors.social_value(EVERYTHING, **published)
    }
    assert values == {"Local spend": Decimal("500.00"), "Volunteering hours": Decimal("1500.00")}


def test_key_human_indicators_chart_hides_quarters_under_five():
    rows = [
        {
            "instrument": "Connections",
            "question": "Friends",
            "period": "2026 Q1",
            "people": 12,
            "mean": 3.4,
            "suppressed": False,
        },
        {
            "instrument": "Connections",
            "question": "Friends",
            "period": "2026 Q2",
            "people": 3,
            "mean": None,
            "suppressed": True,
        },
    ]

    chart = charts.indicators_chart(rows)

    assert chart.labels == ["2026 Q1", "2026 Q2"]
    assert chart.series == [{"label": "Connections: Friends", "data": [3.4, None]}]
    assert chart.rows == [
        ["Connections: Friends", "2026 Q1", "12", "3.4"],
        ["Connections: Friends", "2026 Q2", "Fewer than 5", "Not shown"],
    ]
