"""The reports page and the public "What we fund" page, assembled: the
staff see every figure; the public see the same figures for the grants
published as open data, and nothing that counts unpublished applications."""

from reports import charts, selectors
from reports.forms import ReportFilter
from reports.indicators import indicators


def staff_report(report_filter: ReportFilter) -> list[charts.Chart]:
    return [
        charts.money_chart(selectors.money_by_programme(report_filter)),
        charts.spend_per_head_chart(selectors.spend_by_neighbourhood(report_filter)),
        charts.kinds_chart(selectors.spend_by_kind_of_organisation(report_filter)),
        charts.social_value_chart(selectors.social_value(report_filter)),
        charts.indicators_chart(indicators(report_filter)),
        charts.success_chart(
            key="success-neighbourhood",
            title="Success rates by neighbourhood",
            group="Neighbourhood",
            rates=selectors.success_by_neighbourhood(report_filter),
        ),
        charts.success_chart(
            key="success-type",
            title="Success rates by type of organisation",
            group="Type of organisation",
            rates=selectors.success_by_organisation_type(report_filter),
        ),
    ]


def public_report(report_filter: ReportFilter) -> list[charts.Chart]:
    published = {"published_only": True}
    return [
        charts.money_chart(selectors.money_by_programme(report_filter, **published)),
        charts.spend_per_head_chart(selectors.spend_by_neighbourhood(report_filter, **published)),
        charts.kinds_chart(selectors.spend_by_kind_of_organisation(report_filter, **published)),
        charts.social_value_chart(selectors.social_value(report_filter, **published)),
        charts.indicators_chart(indicators(report_filter, **published)),
    ]
