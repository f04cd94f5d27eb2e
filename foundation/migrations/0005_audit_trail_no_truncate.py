from django.db import migrations

from foundation.audit import truncate_guard_install, truncate_guard_remove


class Migration(migrations.Migration):
    """The database refuses TRUNCATE of the audit trail too."""

    dependencies = [("foundation", "0004_deadline_changes")]

    operations = [migrations.RunPython(truncate_guard_install, truncate_guard_remove)]
