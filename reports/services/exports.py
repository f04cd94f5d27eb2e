"""Making an export: allowed to staff with the reports permission only, and
recorded (who, when, which data, which filter) in the export log and the
audit trail before a byte is sent."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm_log.models import StateLog

from reports.forms import ReportFilter
from reports.models import REPORTS, Export


@transaction.atomic
def export_record(*, actor, dataset: str, file_format: str, report_filter: ReportFilter) -> Export:
    if not actor.has_perm(REPORTS):
        raise PermissionDenied("Only staff who read the reports may export their data.")
    filters = report_filter.described()
    export = Export.objects.create(
        made_by=actor, dataset=dataset, file_format=file_format, filters=filters
    )
    chosen = ", ".join(f"{name}: {value}" for name, value in filters.items() if value)
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(export),
        object_id=export.pk,
        by=actor,
        source_state="",
        state="made",
        transition="export",
        description=f"Exported {dataset} as {file_format.upper()}; filter: {chosen or 'none'}"[
            :1000
        ],
    )
    return export
