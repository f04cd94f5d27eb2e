"""`{% ranking_rows lines is_tender %}`: the ranking table's rows.

Written with format_html rather than a template loop: a call of 200
submissions is 200 rows of nine cells, and drawing them through the
template engine was a third of the ranking page's time. Every value is
escaped as the template would escape it."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

ROW = """
      <tr class="govuk-table__row">
        <td class="govuk-table__cell">{}</td>
        <th scope="row" class="govuk-table__header">
          {}
          <span class="govuk-!-font-weight-regular">{}</span><br>
          <span class="govuk-!-font-weight-regular govuk-body-s">{}</span>
        </th>
        <td class="govuk-table__cell govuk-table__cell--numeric">{}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">{}</td>{}
        <td class="govuk-table__cell govuk-table__cell--numeric"><strong>{}</strong></td>
        <td class="govuk-table__cell">{}</td>
      </tr>"""
PRICE = """
        <td class="govuk-table__cell govuk-table__cell--numeric">{}</td>"""


@register.simple_tag
def ranking_rows(lines, is_tender: bool) -> SafeString:
    return format_html_join(
        "",
        ROW,
        (
            (
                line.row.rank or "–",
                line.row.reference,
                line.title,
                line.organisation,
                line.quality,
                line.social_value,
                format_html(PRICE, line.price_score) if is_tender else "",
                line.total,
                "; ".join(line.row.excluded_reasons),
            )
            for line in lines
        ),
    )
