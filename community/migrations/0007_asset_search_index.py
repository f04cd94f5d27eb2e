from django.db import migrations

from community.search import search_index_install, search_index_remove


class Migration(migrations.Migration):
    """A full-text index over assets' names and descriptions (PostgreSQL)."""

    dependencies = [("community", "0006_asset_upkeep")]

    operations = [migrations.RunPython(search_index_install, search_index_remove)]
