"""The ranking as the officer reads it, on the page and in the CSV: each
ranked row beside its submission's reference, title and organisation, with
its figures already rounded for display, once per row rather than once per
cell and per reading."""

from dataclasses import dataclass

from social_value.models import Call
from social_value.ranking import RankedRow, display
from social_value.selectors import ranking_for


@dataclass
class RankingLine:
    row: RankedRow
    title: str
    organisation: str
    quality: str
    social_value: str
    price_score: str
    total: str


def ranking_lines(*, call: Call) -> list[RankingLine]:
    about = {
        pk: (title, organisation)
        for pk, title, organisation in call.submissions.values_list(
            "pk", "title", "organisation__name"
        )
    }
    return [
        RankingLine(
            row,
            *about[row.submission_id],
            quality=str(display(row.quality)),
            social_value=str(display(row.social_value)),
            price_score=str(display(row.price_score)),
            total=str(display(row.total)),
        )
        for row in ranking_for(call=call)
    ]
