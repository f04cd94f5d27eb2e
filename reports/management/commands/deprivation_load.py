"""manage.py deprivation_load areas.csv: load the deprivation measure the
reports set beside spend per head (see reports.deprivation for the file)."""

from django.core.management.base import BaseCommand, CommandError

from reports.deprivation import DeprivationFileError, deprivation_rows
from reports.services.deprivation import deprivation_load


class Command(BaseCommand):
    help = "Load deprivation scores by LSOA or ward from a CSV file (code,name,score,decile)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, newline="", encoding="utf-8-sig") as lines:
                rows = deprivation_rows(lines)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        except DeprivationFileError as error:
            raise CommandError(str(error)) from None
        count = deprivation_load(rows=rows)
        self.stdout.write(f"Loaded deprivation scores for {count} areas.")
