"""An illustrative social value framework built on the five PPN 06/20
themes. The proxy values are placeholders for a council to replace with
its own; none is taken from a licensed measures set."""

from decimal import Decimal

from social_value.models import Unit

ILLUSTRATIVE = "Illustrative: replace with your own."

FRAMEWORK = [
    (
        "T1",
        "Tackling economic inequality",
        [
            (
                "O1.1",
                "More local people in good work",
                [
                    (
                        "M1",
                        "Jobs for people facing barriers to work",
                        Unit.FTE,
                        "8000.00",
                        "Contracts of employment and a note of the barrier faced",
                        False,
                    ),
                    (
                        "M2",
                        "Apprenticeships started",
                        Unit.PEOPLE,
                        "3500.00",
                        "Apprenticeship agreements",
                        False,
                    ),
                ],
            ),
            (
                "O1.2",
                "Money stays in the area",
                [
                    (
                        "M3",
                        "Spend with local VCSEs and micro-enterprises",
                        Unit.POUNDS,
                        "0.25",
                        "Invoices from suppliers based in the borough",
                        False,
                    ),
                ],
            ),
        ],
    ),
    (
        "T2",
        "Fighting climate change",
        [
            (
                "O2.1",
                "Lower emissions from delivery",
                [
                    (
                        "M4",
                        "Carbon saved against the current service",
                        Unit.TONNES_CO2E,
                        "250.00",
                        "A carbon calculation with its method",
                        False,
                    ),
                ],
            ),
        ],
    ),
    (
        "T3",
        "Equal opportunity",
        [
            (
                "O3.1",
                "People with lived experience lead and work in services",
                [
                    (
                        "M5",
                        "Jobs for people with lived experience",
                        Unit.FTE,
                        "9000.00",
                        "Contracts of employment and a self-declaration of lived experience",
                        False,
                    ),
                ],
            ),
        ],
    ),
    (
        "T4",
        "Wellbeing",
        [
            (
                "O4.1",
                "People keep connections with friends, neighbours and family",
                [
                    (
                        "M6",
                        "People supported to make or keep connections",
                        Unit.PEOPLE,
                        "400.00",
                        "Records of the people supported and how",
                        False,
                    ),
                ],
            ),
        ],
    ),
    (
        "T5",
        "Community recovery",
        [
            (
                "O5.1",
                "More volunteering and social action",
                [
                    (
                        "M7",
                        "Volunteering hours",
                        Unit.HOURS,
                        "15.00",
                        "Signed volunteer timesheets",
                        False,
                    ),
                    (
                        "M8",
                        "Start-up support for new community groups",
                        Unit.WEEKS,
                        "600.00",
                        "Names of the groups supported and what they received",
                        True,
                    ),
                ],
            ),
        ],
    ),
]


def proxy(value: str) -> Decimal:
    return Decimal(value)
