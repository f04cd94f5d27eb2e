from django.db import migrations

from foundation.audit import append_only_install, append_only_remove


class Migration(migrations.Migration):
    """The database itself refuses to change or delete an audit row."""

    dependencies = [
        ("foundation", "0001_initial"),
        ("django_fsm_log", "__latest__"),
    ]

    operations = [migrations.RunPython(append_only_install, append_only_remove)]
