"""Key Human Indicators over time, as the outcomes app aggregates them
(already suppressed where fewer than five people answered)."""

from grants.models import Programme
from outcomes.selectors import khi_over_time
from reports.forms import ReportFilter


def indicators(report_filter: ReportFilter, *, published_only: bool = False) -> list[dict]:
    """`published_only` keeps the programmes whose grants are published."""
    programmes = [report_filter.programme] if report_filter.programme else None
    if published_only:
        opted_in = Programme.objects.filter(publish_360giving_from__isnull=False)
        programmes = [p for p in (programmes or opted_in) if p.publish_360giving_from]
        if not programmes:
            return []
    return list(
        khi_over_time(
            date_from=report_filter.date_from,
            date_to=report_filter.date_to,
            programmes=programmes,
            rounds=[report_filter.round] if report_filter.round else None,
            neighbourhoods=[report_filter.neighbourhood] if report_filter.neighbourhood else None,
            organisation_types=(
                [report_filter.organisation_type] if report_filter.organisation_type else None
            ),
        )
    )
