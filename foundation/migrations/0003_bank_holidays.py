from datetime import date

from django.db import migrations

# England and Wales, as published; add later years in the admin.
BANK_HOLIDAYS = [
    (date(2025, 1, 1), "New Year's Day"),
    (date(2025, 4, 18), "Good Friday"),
    (date(2025, 4, 21), "Easter Monday"),
    (date(2025, 5, 5), "Early May bank holiday"),
    (date(2025, 5, 26), "Spring bank holiday"),
    (date(2025, 8, 25), "Summer bank holiday"),
    (date(2025, 12, 25), "Christmas Day"),
    (date(2025, 12, 26), "Boxing Day"),
    (date(2026, 1, 1), "New Year's Day"),
    (date(2026, 4, 3), "Good Friday"),
    (date(2026, 4, 6), "Easter Monday"),
    (date(2026, 5, 4), "Early May bank holiday"),
    (date(2026, 5, 25), "Spring bank holiday"),
    (date(2026, 8, 31), "Summer bank holiday"),
    (date(2026, 12, 25), "Christmas Day"),
    (date(2026, 12, 28), "Boxing Day (substitute day)"),
    (date(2027, 1, 1), "New Year's Day"),
    (date(2027, 3, 26), "Good Friday"),
    (date(2027, 3, 29), "Easter Monday"),
    (date(2027, 5, 3), "Early May bank holiday"),
    (date(2027, 5, 31), "Spring bank holiday"),
    (date(2027, 8, 30), "Summer bank holiday"),
    (date(2027, 12, 27), "Christmas Day (substitute day)"),
    (date(2027, 12, 28), "Boxing Day (substitute day)"),
    (date(2028, 1, 3), "New Year's Day (substitute day)"),
    (date(2028, 4, 14), "Good Friday"),
    (date(2028, 4, 17), "Easter Monday"),
    (date(2028, 5, 1), "Early May bank holiday"),
    (date(2028, 5, 29), "Spring bank holiday"),
    (date(2028, 8, 28), "Summer bank holiday"),
    (date(2028, 12, 25), "Christmas Day"),
    (date(2028, 12, 26), "Boxing Day"),
]


def load(apps, schema_editor):
    BankHoliday = apps.get_model("foundation", "BankHoliday")
    for day, name in BANK_HOLIDAYS:
        BankHoliday.objects.get_or_create(date=day, defaults={"name": name})


def unload(apps, schema_editor):
    apps.get_model("foundation", "BankHoliday").objects.filter(
        date__in=[day for day, _ in BANK_HOLIDAYS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("foundation", "0002_audit_trail_append_only")]

    operations = [migrations.RunPython(load, unload)]
