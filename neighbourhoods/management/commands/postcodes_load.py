"""Load the postcode directory from an ONS Postcode Directory CSV file."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from neighbourhoods.services.postcodes import postcodes_load


class Command(BaseCommand):
    help = (
        "Load postcodes and where they are from an ONS Postcode Directory (ONSPD) CSV file "
        "(columns pcds, lat, long, and osward and lsoa21 or lsoa11 where given). "
        "Loading again updates the postcodes already there."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The ONSPD CSV file, e.g. Data/ONSPD_NOV_2026_UK.csv")
        parser.add_argument(
            "--local-authority",
            default="",
            help="Keep only this council's postcodes, by its GSS code (e.g. E08000025).",
        )

    def handle(self, *args, path, local_authority, **options):
        try:
            # newline="" as the csv module asks; utf-8-sig drops a byte-order mark.
            with open(path, newline="", encoding="utf-8-sig") as lines:
                result = postcodes_load(lines=lines, local_authority=local_authority.strip())
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.loaded:,} postcodes; left out {result.skipped:,} "
                "with no location or no valid postcode."
            )
        )
