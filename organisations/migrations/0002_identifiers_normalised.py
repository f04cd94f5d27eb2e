"""Store every charity and company number and postcode in its one form
(no leading zero before an England and Wales charity number, eight
characters for a company, "AV1 2CD" for a postcode) and derive each
identifier again, so no charity is registered twice under two spellings.
A row whose corrected identifier another row already holds is left for an
officer to merge."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import migrations

from foundation.validators import postcode_normalise
from organisations import org_ids


def _normalised(normalise, value):
    try:
        return normalise(value)
    except ValidationError:
        return value


def identifiers_normalise(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    taken = set(Organisation.objects.values_list("org_id", flat=True))
    for organisation in Organisation.objects.order_by("pk"):
        charity = _normalised(org_ids.charity_number_normalise, organisation.charity_number)
        company = _normalised(org_ids.company_number_normalise, organisation.company_number)
        postcode = _normalised(postcode_normalise, organisation.postcode)
        try:
            org_id = org_ids.org_id_derive(
                charity_number=charity,
                company_number=company,
                publisher=settings.THREESIXTYGIVING_PUBLISHER,
                local_id=f"ORG-{organisation.pk}",
            )
        except ValidationError:
            org_id = organisation.org_id
        if org_id != organisation.org_id and org_id in taken:
            continue
        taken.discard(organisation.org_id)
        taken.add(org_id)
        Organisation.objects.filter(pk=organisation.pk).update(
            charity_number=charity, company_number=company, postcode=postcode, org_id=org_id
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(identifiers_normalise, migrations.RunPython.noop)]
