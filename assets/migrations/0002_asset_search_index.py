from django.db import migrations

from assets.selectors import search_index_install, search_index_remove


class Migration(migrations.Migration):
    """A full-text index over assets' names and descriptions (PostgreSQL)."""

    dependencies = [("assets", "0001_initial")]

    operations = [migrations.RunPython(search_index_install, search_index_remove)]
