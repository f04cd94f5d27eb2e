"""Property test of the ranking rule against a straightforward computation
written independently here, and its independence from row order."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from social_value.ranking import (
    GATEWAY,
    PRICE,
    SCORED,
    CriterionInput,
    SubmissionInput,
    rank_submissions,
)

BASE = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


@st.composite
def calls(draw):
    scale_max = draw(st.sampled_from([4, 5, 10]))
    low = 1 if scale_max == 10 else 0
    with_price = draw(st.booleans())
    if draw(st.booleans()):
        # Equal weights, one social value and one quality criterion: exact
        # ties on the total are common, so the tie-breaks are exercised.
        scored_count = 2
        weights = [40, 40, 20] if with_price else [50, 50]
        social = [True, False]
    else:
        scored_count = draw(st.integers(1, 6))
        parts = scored_count + (1 if with_price else 0)
        # Integer weights that add up to exactly 100.
        cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=parts - 1, max_size=parts - 1)))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        social = [draw(st.booleans()) for _ in range(scored_count)]
    criteria = []
    for index in range(scored_count):
        criteria.append(
            CriterionInput(
                id=index + 1,
                kind=SCORED,
                title=f"C{index + 1}",
                weight=Decimal(weights[index]),
                is_social_value=social[index],
                min_score=draw(st.none() | st.integers(low, scale_max)),
            )
        )
    if with_price:
        criteria.append(
            CriterionInput(id=90, kind=PRICE, title="Price", weight=Decimal(weights[-1]))
        )
    if draw(st.booleans()):
        criteria.append(CriterionInput(id=80, kind=GATEWAY, title="Gateway"))
    submissions = []
    for number in range(draw(st.integers(1, 12))):
        submissions.append(
            SubmissionInput(
                id=number + 1,
                reference=f"S{number:03d}",
                # Few distinct times, so ties reach the last tie-break often.
                submitted_at=BASE + timedelta(seconds=draw(st.integers(0, 3))),
                price=Decimal(draw(st.sampled_from([50, 75, 100, 120]))) if with_price else None,
                compliant=draw(st.booleans()) or draw(st.booleans()),
                scores={
                    c.id: draw(st.sampled_from([low, scale_max]) | st.integers(low, scale_max))
                    for c in criteria
                    if c.kind == SCORED
                },
                gateways={c.id: draw(st.booleans()) for c in criteria if c.kind == GATEWAY},
            )
        )
    return criteria, submissions, scale_max


def straightforward(criteria, submissions, scale_max):
    """The rule as a commissioner would work it out by hand: returns
    {submission id: (rank or None, total or None)}."""
    weight = {c.id: Fraction(c.weight) for c in criteria}
    eligible = []
    for s in submissions:
        ok = s.compliant
        for c in criteria:
            if c.kind == GATEWAY and not s.gateways[c.id]:
                ok = False
            if c.kind == SCORED and c.min_score is not None and s.scores[c.id] < c.min_score:
                ok = False
        eligible.append((s, ok))
    in_play = [s for s, ok in eligible if ok]
    has_price = any(c.kind == PRICE for c in criteria)
    price_weight = sum((weight[c.id] for c in criteria if c.kind == PRICE), Fraction(0))
    lowest = min((s.price for s in in_play), default=None) if has_price else None
    totals = {}
    for s in in_play:
        social = sum(
            (
                Fraction(s.scores[c.id], scale_max) * weight[c.id]
                for c in criteria
                if c.kind == SCORED and c.is_social_value
            ),
            Fraction(0),
        )
        quality = sum(
            (
                Fraction(s.scores[c.id], scale_max) * weight[c.id]
                for c in criteria
                if c.kind == SCORED and not c.is_social_value
            ),
            Fraction(0),
        )
        price = Fraction(lowest) / Fraction(s.price) * price_weight if has_price else 0
        totals[s.id] = (quality + social + price, social, quality, s.submitted_at)
    ranks = {s.id: (None, None) for s in submissions}
    for s in in_play:
        better = sum(
            1
            for other in in_play
            if (
                -totals[other.id][0],
                -totals[other.id][1],
                -totals[other.id][2],
                totals[other.id][3],
            )
            < (-totals[s.id][0], -totals[s.id][1], -totals[s.id][2], totals[s.id][3])
        )
        ranks[s.id] = (better + 1, totals[s.id][0])
    return ranks


@settings(max_examples=300, deadline=None)
@given(calls(), st.randoms(use_true_random=False))
def test_ranking_matches_a_straightforward_computation_in_any_row_order(call, random):
    criteria, submissions, scale_max = call
    expected = straightforward(criteria, submissions, scale_max)

    rows = rank_submissions(criteria=criteria, submissions=submissions, scale_max=scale_max)
    assert {
        row.submission_id: (row.rank, None if row.rank is None else row.total) for row in rows
    } == expected

    shuffled_submissions = submissions[:]
    shuffled_criteria = criteria[:]
    random.shuffle(shuffled_submissions)
    random.shuffle(shuffled_criteria)
    again = rank_submissions(
        criteria=shuffled_criteria, submissions=shuffled_submissions, scale_max=scale_max
    )
    assert [(r.submission_id, r.rank, r.total) for r in again] == [
        (r.submission_id, r.rank, r.total) for r in rows
    ]
    # Ranked first, excluded after, every excluded one with its reason.
    ranks = [row.rank for row in rows]
    assert ranks == sorted(r for r in ranks if r is not None) + [None] * ranks.count(None)
    assert all(row.excluded_reasons for row in rows if row.rank is None)
