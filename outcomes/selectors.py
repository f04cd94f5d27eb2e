"""Reads of Key Human Indicators, always aggregated, never shown for fewer
than five people.

Each response is one person's answers on one day. People answer without
an account or a name, so someone who answers twice in a period counts
twice: the figures are of answers given, as the grant holders collect them.
"""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear

from grants.models import Award, MonitoringReturn
from grants.questions import answers_for_display
from organisations.models import Organisation
from outcomes.models import (
    Answer,
    AnswerLink,
    ContractReturn,
    Instrument,
    MonitoringForm,
    ReturnAnswers,
)

# Results for fewer people than this are never shown: with so few, a
# grant holder or neighbour could tell who said what.
MINIMUM_PEOPLE = 5


def _rounded(number) -> float | None:
    if number is None:
        return None
    return float(Decimal(str(number)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def answers_filtered(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    programmes: Iterable | None = None,
    rounds: Iterable | None = None,
    neighbourhoods: Iterable | None = None,
    organisation_types: Iterable[str] | None = None,
    awards: Iterable | None = None,
) -> QuerySet:
    """Answers to questions still asked, narrowed as the reports narrow
    grants: a grant belongs to the neighbourhoods its organisation serves."""
    answers = Answer.objects.filter(question__isnull=False)
    if date_from:
        answers = answers.filter(response__collected_on__gte=date_from)
    if date_to:
        answers = answers.filter(response__collected_on__lte=date_to)
    application = "response__award__application__"
    if programmes is not None:
        answers = answers.filter(**{f"{application}round__programme__in": list(programmes)})
    if rounds is not None:
        answers = answers.filter(**{f"{application}round__in": list(rounds)})
    if neighbourhoods is not None:
        # A subquery, not a join: a join would count an answer once per place.
        serving = Organisation.objects.filter(neighbourhoods__in=list(neighbourhoods))
        answers = answers.filter(**{f"{application}organisation__in": serving.values("pk")})
    if organisation_types is not None:
        answers = answers.filter(
            **{f"{application}organisation__legal_form__in": list(organisation_types)}
        )
    if awards is not None:
        answers = answers.filter(response__award__in=list(awards))
    return answers


def _row(row: dict, people: int) -> dict:
    suppressed = people < MINIMUM_PEOPLE
    return {
        "people": people,
        "mean": None if suppressed else _rounded(row["mean"]),
        "value_mean": None if suppressed else _rounded(row["value_mean"]),
        "suppressed": suppressed,
    }


def khi_over_time(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    programmes: Iterable | None = None,
    rounds: Iterable | None = None,
    neighbourhoods: Iterable | None = None,
    organisation_types: Iterable[str] | None = None,
) -> list[dict]:
    """Key Human Indicators by instrument, question and calendar quarter.

    Filters (each optional; None means all): `date_from`/`date_to` bound the
    day answers were collected, inclusive; `programmes`, `rounds` and
    `neighbourhoods` are iterables of those model instances (or their
    primary keys); `organisation_types` are `organisations.LegalForm`
    values. A grant is in a neighbourhood its organisation serves.

    Returns a list of plain dicts, ordered by instrument name, question
    order, then period, each:

    - `instrument` (name), `instrument_id`
    - `question` (its wording), `question_id`, `question_order`
    - `kind`: "scale" or "count"
    - `period`: "2026 Q1" (calendar quarters); `period_start`: date
    - `people`: how many answered (responses)
    - `mean`: the mean score (or number, for a count), to 2 places, or
      None when `suppressed`
    - `value_mean`: the mean value in the instrument's licensed value set,
      or None when it has none or when `suppressed`
    - `suppressed`: True when fewer than five people answered; the mean is
      then withheld and must not be shown or derived.
    """
    answers = answers_filtered(
        date_from=date_from,
        date_to=date_to,
        programmes=programmes,
        rounds=rounds,
        neighbourhoods=neighbourhoods,
        organisation_types=organisation_types,
    )
    rows = (
        answers.annotate(
            year=ExtractYear("response__collected_on"),
            quarter=ExtractQuarter("response__collected_on"),
        )
        .values(
            "year",
            "quarter",
            "question_id",
            "question__wording",
            "question__sort_order",
            "question__kind",
            "response__instrument_id",
            "response__instrument__name",
        )
        .annotate(
            people=Count("response", distinct=True), mean=Avg("score"), value_mean=Avg("value")
        )
        .order_by(
            "response__instrument__name", "question__sort_order", "question_id", "year", "quarter"
        )
    )
    return [
        {
            "instrument": row["response__instrument__name"],
            "instrument_id": row["response__instrument_id"],
            "question": row["question__wording"],
            "question_id": row["question_id"],
            "question_order": row["question__sort_order"],
            "kind": row["question__kind"],
            "period": f"{row['year']} Q{row['quarter']}",
            "period_start": date(row["year"], 3 * row["quarter"] - 2, 1),
            **_row(row, row["people"]),
        }
        for row in rows
    ]


def khi_summary(
    *, awards: Iterable | None = None, programmes: Iterable | None = None
) -> list[dict]:
    """All answers so far for some grants or programmes, by instrument and
    question (not by period): what the grant holder and officer see. Each
    dict as `khi_over_time`'s, without the period keys."""
    rows = (
        answers_filtered(awards=awards, programmes=programmes)
        .values(
            "question_id",
            "question__wording",
            "question__sort_order",
            "question__kind",
            "response__instrument__name",
        )
        .annotate(
            people=Count("response", distinct=True), mean=Avg("score"), value_mean=Avg("value")
        )
        .order_by("response__instrument__name", "question__sort_order", "question_id")
    )
    return [
        {
            "instrument": row["response__instrument__name"],
            "question": row["question__wording"],
            "question_id": row["question_id"],
            "kind": row["question__kind"],
            **_row(row, row["people"]),
        }
        for row in rows
    ]


def monitoring_form_for(award: Award) -> MonitoringForm | None:
    return MonitoringForm.objects.filter(programme_id=award.application.round.programme_id).first()


def instruments_for(award: Award) -> list[Instrument]:
    form = monitoring_form_for(award)
    return list(form.instruments.prefetch_related("questions")) if form else []


def open_links(award: Award) -> dict[int, AnswerLink]:
    """The open anonymous link of each instrument, by instrument id."""
    links = AnswerLink.objects.filter(award=award, closed_at__isnull=True)
    return {link.instrument_id: link for link in links}


def returns_with_answers(award: Award) -> list[tuple[MonitoringReturn, dict]]:
    """Each return of the grant with its answers to the programme's questions."""
    returns = list(award.returns.order_by("due_on"))
    stored = {
        a.monitoring_return_id: a.answers
        for a in ReturnAnswers.objects.filter(monitoring_return__in=returns)
    }
    return [(r, stored.get(r.pk, {})) for r in returns]


def contract_monitoring_form(contract) -> MonitoringForm | None:
    return MonitoringForm.objects.filter(contract=contract).first()


def contract_returns(contract) -> list[tuple[ContractReturn, list[tuple[str, str]]]]:
    """Each return of the contract, soonest due first, with the answers to
    the contract's questions in words (for those sent), in a fixed number
    of queries however many returns there are."""
    form = contract_monitoring_form(contract)
    questions = form.questions if form else []
    returns = ContractReturn.objects.filter(contract=contract).prefetch_related(
        "indicator_reports__indicator", "social_value_reports__commitment__measure"
    )
    return [
        (r, answers_for_display(questions, r.answers) if r.submitted_at and questions else [])
        for r in returns.order_by("due_on")
    ]
