"""Key Human Indicators aggregated, with every expected figure worked out
by hand, and never shown for fewer than five people."""

from datetime import date

from organisations.models import LegalForm
from outcomes.selectors import khi_over_time, khi_summary
from tests.outcomes.conftest import answers_add

WINTER = date(2026, 2, 10)  # 2026 Q1
SPRING = date(2026, 5, 10)  # 2026 Q2


def _figures(rows, question):
    return [
        (row["period"], row["people"], row["mean"], row["suppressed"])
        for row in rows
        if row["question"] == question
    ]


HELPS = "Does the support help you make and keep connections?"
FRIENDS = "How many friends do you have?"


def _five_at_the_kitchen_four_at_the_garden(s):
    # Canal Kitchen, winter: helps 1, 2, 3, 4, 5 and friends 0, 1, 2, 2, 5.
    for helps, friends in zip([1, 2, 3, 4, 5], [0, 1, 2, 2, 5], strict=True):
        answers_add(s.kitchen_award, s.connections, WINTER, {s.helps: helps, s.friends: friends})
    # Heights Garden, winter: four people, all "helps a lot", 10 friends each.
    for _ in range(4):
        answers_add(s.garden_award, s.connections, WINTER, {s.helps: 5, s.friends: 10})
    # Canal Kitchen, spring: three people.
    for _ in range(3):
        answers_add(s.kitchen_award, s.connections, SPRING, {s.helps: 4, s.friends: 3})


def test_five_answers_of_one_to_five_average_three(setting):
    _five_at_the_kitchen_four_at_the_garden(setting)

    rows = khi_over_time(programmes=[setting.lunch], date_to=date(2026, 3, 31))

    assert _figures(rows, HELPS) == [("2026 Q1", 5, 3.0, False)]
    # 0 + 1 + 2 + 2 + 5 = 10 friends among 5 people.
    assert _figures(rows, FRIENDS) == [("2026 Q1", 5, 2.0, False)]
    helps = next(row for row in rows if row["question"] == HELPS)
    assert helps["instrument"] == "Connections"
    assert helps["period_start"] == date(2026, 1, 1)
    # Values only for "It helps" (0.8) and "It helps a lot" (1.0); the
    # others have none, so (0.8 + 1.0) / 2 = 0.9.
    assert helps["value_mean"] == 0.9


def test_four_answers_are_suppressed_and_their_mean_withheld(setting):
    _five_at_the_kitchen_four_at_the_garden(setting)

    rows = khi_over_time(programmes=[setting.green])

    assert _figures(rows, HELPS) == [("2026 Q1", 4, None, True)]
    assert all(row["value_mean"] is None for row in rows)


def test_groups_combine_across_grants_and_split_by_quarter(setting):
    _five_at_the_kitchen_four_at_the_garden(setting)

    rows = khi_over_time()

    # Winter: 1+2+3+4+5 at the kitchen and 4 × 5 at the garden = 35 / 9.
    # Spring: three people only.
    assert _figures(rows, HELPS) == [("2026 Q1", 9, 3.89, False), ("2026 Q2", 3, None, True)]
    # Friends, winter: 10 at the kitchen + 40 at the garden = 50 / 9.
    assert _figures(rows, FRIENDS) == [("2026 Q1", 9, 5.56, False), ("2026 Q2", 3, None, True)]


def test_filters_by_neighbourhood_round_and_type_of_organisation(setting):
    _five_at_the_kitchen_four_at_the_garden(setting)

    canal = khi_over_time(neighbourhoods=[setting.canal])
    heights_round = khi_over_time(rounds=[setting.green_round])
    charities = khi_over_time(organisation_types=[LegalForm.CHARITY], date_from=SPRING)

    assert _figures(canal, HELPS) == [("2026 Q1", 5, 3.0, False), ("2026 Q2", 3, None, True)]
    assert _figures(heights_round, HELPS) == [("2026 Q1", 4, None, True)]
    assert _figures(charities, HELPS) == [("2026 Q2", 3, None, True)]


def test_a_grant_summary_counts_every_answer_so_far(setting):
    _five_at_the_kitchen_four_at_the_garden(setting)

    kitchen = khi_summary(awards=[setting.kitchen_award])
    garden = khi_summary(awards=[setting.garden_award])

    # Helps: 1+2+3+4+5 + 3 × 4 = 27 over 8 people = 3.375.
    assert [(r["question"], r["people"], r["mean"]) for r in kitchen] == [
        (FRIENDS, 8, 2.38),  # 10 + 9 = 19 / 8 = 2.375, shown to two places
        (HELPS, 8, 3.38),
    ]
    assert [(r["people"], r["mean"], r["suppressed"]) for r in garden] == [
        (4, None, True),
        (4, None, True),
    ]
