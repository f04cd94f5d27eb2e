"""The retention period a new site starts with for recommended lists (see
support_lists/personal_data.py for what it covers and why)."""

from django.db import migrations

DEFAULTS = {"support_lists.lists": 24}


def seed(apps, schema_editor):
    RetentionRule = apps.get_model("people", "RetentionRule")
    for kind, months in DEFAULTS.items():
        RetentionRule.objects.get_or_create(kind=kind, defaults={"months": months})


def unseed(apps, schema_editor):
    apps.get_model("people", "RetentionRule").objects.filter(kind__in=DEFAULTS, reason="").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("support_lists", "0001_lists_of_support"),
        ("people", "0004_retention_defaults"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
