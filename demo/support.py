"""Demo data for people choosing their own support and for joining in:
addresses and ways to get there, assets accepting personal budgets with
what they cost, a micro-enterprise, volunteering offers, What's on events
in the coming weeks, a link worker with a recommended list, and a saved
list whose private link the demo prints.

Loading is idempotent: a field already filled in is left as it is.
"""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from assets.models import Asset, AssetEvent, AssetKind
from demo.community import _person
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, Organisation
from people import roles
from support_lists.links import token_hash
from support_lists.models import ListKind, SupportList, SupportListItem

LINK_WORKER = ("linkworker@ashbyvale.example", "Lena", "Brooks", roles.LINK_WORKER, False)
# Fixed, published demo links (each 43 characters, like a real token), so
# the demo can print them. Real lists get random ones.
DEMO_SAVED_LIST_TOKEN = "AshbyValeDemo-saved-list-of-support-0000001"  # noqa: S105 - demo only
DEMO_RECOMMENDED_TOKEN = "AshbyValeDemo-recommended-list-for-Sam-0001"  # noqa: S105 - demo only

DETAILS = {
    "Old Town lunch club": {
        "address": "Chapel Hall, Market Street\nOld Town\nAshby Vale",
        "getting_there": "Buses 4 and 12 stop in Market Square, 2 minutes' walk. "
        "Two blue badge spaces by the chapel door.",
        "accepts_personal_budgets": True,
        "volunteering": "We need cooks and drivers on Tuesdays and Thursdays. "
        "Ring Maureen on 0121 496 0000 or just come along at 11am.",
    },
    "Millfield Community Centre": {
        "address": "Mill Street\nMillfield\nAshby Vale",
        "getting_there": "Bus 7 to Mill Street. Free car park behind the centre; "
        "the step-free entrance is at the side.",
        "accepts_personal_budgets": True,
        "volunteering": "Help on reception, in the garden or with the Saturday repair café.",
    },
    "Canal towpath gardens": {
        "address": "Towpath Lane, by the lock\nCanal Side\nAshby Vale",
        "availability": "Open every day in daylight; work parties on Saturday mornings",
        "cost": "free",
        "getting_there": "Enter by the lock-keeper's cottage on Towpath Lane; "
        "the towpath is level and firm from there.",
        "volunteering": "Saturday work parties from 10am: tools, gloves and tea provided. "
        "No experience needed.",
    },
    "Northgate good neighbours": {
        "description": "Volunteers who visit, phone and shop for older neighbours, "
        "and a weekly befriending walk.",
        "address": "St Anne's Hall, Northgate Road\nNorthgate\nAshby Vale",
        "availability": "Weekdays 9am to 5pm by phone",
        "cost": "low",
        "cost_details": "£5 a visit for regular home visits; phone calls free",
        "accepts_personal_budgets": True,
        "volunteering": "Become a good neighbour: an hour a week visiting or phoning someone "
        "nearby. We check references and train you.",
    },
}

MICRO_ENTERPRISE = {
    "organisation": "Bright Days with Jo",
    "name": "Bright Days: days out and company",
    "description": "Jo Patel takes one or two people at a time out for the day: the shops, "
    "the park, the seaside, a football match. Help with eating and personal care "
    "if needed.",
    "address": "Heights Parade\nThe Heights\nAshby Vale",
    "postcode": "AV3 2BD",
    "neighbourhood": "The Heights",
    "latitude": "52.492100",
    "longitude": "-1.881000",
    "availability": "Monday to Saturday, 9am to 6pm, by arrangement",
    "cost": "paid",
    "cost_details": "£18 an hour, or £110 for a full day; travel included",
    "getting_there": "Jo collects you from home.",
    "contact_phone": "07700 900123",
    "accepts_personal_budgets": True,
    "tags": ["direct payments", "days out", "older people"],
}

# (asset, title, days from today, start, end, cost, description)
EVENTS = [
    (
        "Canal towpath gardens",
        "Winter work party",
        5,
        time(10),
        time(12, 30),
        "Free",
        "Pruning and planting bulbs. Tea and cake at 11.",
    ),
    (
        "Old Town lunch club",
        "Christmas lunch",
        12,
        time(12),
        time(14),
        "£5",
        "Turkey or nut roast.",
    ),
    (
        "Millfield Community Centre",
        "Tea dance",
        9,
        time(14),
        time(16),
        "£2",
        "Ballroom and sequence dancing; partners not needed.",
    ),
    (
        "Northgate good neighbours",
        "Befriending walk",
        3,
        time(10, 30),
        time(11, 30),
        "Free",
        "A gentle walk round the park and a cuppa.",
    ),
]


def _fill(asset: Asset, values: dict) -> None:
    changed = False
    for field, value in values.items():
        if not getattr(asset, field):
            setattr(asset, field, value)
            changed = True
    if changed:
        asset.save()


def _micro_enterprise() -> Asset:
    spec = dict(MICRO_ENTERPRISE)
    organisation, _ = Organisation.objects.get_or_create(
        name=spec.pop("organisation"),
        defaults={
            "legal_form": LegalForm.MICRO_ENTERPRISE,
            "staff_count": 1,
            "address": "Heights Parade\nAshby Vale",
            "postcode": "AV3 2BD",
        },
    )
    place, tags = spec.pop("neighbourhood"), spec.pop("tags")
    asset, created = Asset.objects.get_or_create(
        name=spec.pop("name"),
        defaults={"kind": AssetKind.MICRO_ENTERPRISE, "organisation": organisation, **spec},
    )
    if created:
        asset.neighbourhoods.add(Neighbourhood.objects.get(name=place))
        asset.tags.add(*tags)
    return asset


def _list(token: str, kind: str, entries: list[tuple[str, str]], made_by=None, made_for=""):
    support_list, created = SupportList.objects.get_or_create(
        token_hash=token_hash(token),
        defaults={"kind": kind, "made_by": made_by, "made_for": made_for},
    )
    if created:
        for name, note in entries:
            SupportListItem.objects.create(
                support_list=support_list, asset=Asset.objects.get(name=name), note=note
            )
    return support_list


@transaction.atomic
def demo_support_load() -> list[tuple[str, str]]:
    """Load the demo's lists of support and What's on; returns the link
    worker's (role, e-mail) for the demo logins."""
    for name, values in DETAILS.items():
        asset = Asset.objects.filter(name=name).first()
        if asset is not None:
            _fill(asset, values)
    _micro_enterprise()
    # The Community Kitchen holds the towpath gardens beside its cottage, so
    # the demo applicant can add What's on events.
    gardens = Asset.objects.get(name="Canal towpath gardens")
    if gardens.organisation_id is None:
        gardens.organisation = Organisation.objects.get(name="Canal Side Community Kitchen")
        gardens.save()

    today = timezone.localdate()
    for name, title, days, starts, ends, cost, description in EVENTS:
        asset = Asset.objects.get(name=name)
        if not asset.events.filter(title=title, date__gte=today).exists():
            AssetEvent.objects.create(
                asset=asset,
                title=title,
                date=today + timedelta(days=days),
                starts=starts,
                ends=ends,
                cost=cost,
                description=description,
            )

    link_worker = _person(*LINK_WORKER)
    _list(
        DEMO_SAVED_LIST_TOKEN,
        ListKind.PERSONAL,
        [("Old Town lunch club", ""), ("Bright Days: days out and company", "")],
    )
    _list(
        DEMO_RECOMMENDED_TOKEN,
        ListKind.RECOMMENDED,
        [
            (
                "Northgate good neighbours",
                "Ask for a weekly visit; they can match you with someone who likes football too.",
            ),
            ("Old Town lunch club", "Tuesdays are quieter. Your personal budget can pay for it."),
        ],
        made_by=link_worker,
        made_for="Sam",
    )
    return [(LINK_WORKER[3], LINK_WORKER[0])]


def demo_list_paths() -> tuple[str, str]:
    """The demo's saved list and recommended list, as paths to open."""
    return f"/lists/{DEMO_SAVED_LIST_TOKEN}/", f"/lists/{DEMO_RECOMMENDED_TOKEN}/"
