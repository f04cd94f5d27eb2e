import django.utils.timezone
from django.db import migrations, models

from assets.selectors import postcode_index_install, postcode_index_remove


class Migration(migrations.Migration):
    """When each asset last changed (for the map's cached GeoJSON), and an
    index answering postcode searches by their start (PostgreSQL)."""

    dependencies = [("assets", "0002_asset_search_index")]

    operations = [
        migrations.AddField(
            model_name="asset",
            name="updated",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.RunPython(postcode_index_install, postcode_index_remove),
    ]
