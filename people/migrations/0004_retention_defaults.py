"""The retention periods a new site starts with (see each app's
personal_data.py for what each kind covers and why)."""

from django.db import migrations

DEFAULTS = {
    "people.dormant_accounts": 36,
    "grants.unsuccessful_applications": 24,
    "grants.grants": 72,
    "commissioning.unsuccessful_bids": 36,
    "commissioning.contracts": 72,
    "social_value.panel_declarations": 36,
    "assets.suggestions": 12,
    "organisations.invitations": 12,
    "reminders.sent": 12,
    "foundation.sent_email": 12,
}


def seed(apps, schema_editor):
    RetentionRule = apps.get_model("people", "RetentionRule")
    for kind, months in DEFAULTS.items():
        RetentionRule.objects.get_or_create(kind=kind, defaults={"months": months})


def unseed(apps, schema_editor):
    apps.get_model("people", "RetentionRule").objects.filter(kind__in=DEFAULTS, reason="").delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0003_retention_rules")]

    operations = [migrations.RunPython(seed, unseed)]
