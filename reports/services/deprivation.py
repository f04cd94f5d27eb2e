"""Loading the deprivation measure: each area created or updated, and each
change written to the audit trail."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.audit import SYSTEM
from reports.models import DeprivationArea


@transaction.atomic
def deprivation_load(*, rows: list[dict], actor=SYSTEM) -> int:
    """Create or update each area; every change is written to the audit trail."""
    content_type = ContentType.objects.get_for_model(DeprivationArea)
    now = timezone.now()
    for row in rows:
        area, created = DeprivationArea.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "score": row["score"],
                "decile": row["decile"],
                "loaded_at": now,
            },
        )
        StateLog.objects.create(
            content_type=content_type,
            object_id=area.pk,
            by=actor,
            source_state="" if created else "loaded",
            state="loaded",
            transition="deprivation_load",
            description=f"Deprivation score {row['score']} loaded for {row['code']}",
        )
    return len(rows)
