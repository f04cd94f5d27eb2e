"""Demo data: Ashby Vale, an imaginary borough, its neighbourhoods, some of
its partner organisations, and one person for each role.

Loading is idempotent: running it again changes nothing that is there.
"""

from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction

from assets.models import AcvDecision, AcvListing, Asset
from demo.two_factor import demo_staff_enrol
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, MembershipRole, Organisation, OrganisationMembership
from people import roles
from people.models import User

DEMO_PASSWORD = "common-ground-demo"  # noqa: S105 - printed for demo sign-in only

NEIGHBOURHOODS = [
    (
        "Canal Side",
        "Terraces and new flats along the old cut, with its lock-keeper's cottage.",
        ["E05099901"],
        8400,
    ),
    (
        "The Heights",
        "The estate on the hill; tower blocks, a parade of shops and the rec.",
        ["E05099902", "E01099920"],
        11200,
    ),
    (
        "Old Town",
        "The market square, the chapel and the streets around the station.",
        ["E05099903"],
        6900,
    ),
    ("Millfield", "Former mill houses, allotments and the community centre.", ["E05099904"], 7600),
    (
        "Northgate",
        "Semis and bungalows out towards the ring road; many older residents.",
        ["E05099905"],
        9300,
    ),
]

ORGANISATIONS = [
    {
        "name": "Canal Side Community Kitchen",
        "legal_form": LegalForm.CIO,
        "charity_number": "1190001",
        "user_led": True,
        "lived_experience_led": True,
        "staff_count": 4,
        "volunteer_count": 35,
        "staff_with_lived_experience_count": 3,
        "address": "The Lock-keeper's Cottage\nTowpath Lane\nAshby Vale",
        "postcode": "AV1 2CK",
        "neighbourhoods": ["Canal Side", "Old Town"],
    },
    {
        "name": "Heights Together",
        "legal_form": LegalForm.UNINCORPORATED_GROUP,
        "user_led": True,
        "volunteer_count": 18,
        "address": "Flat 1, Beacon House\nAshby Vale",
        "postcode": "AV3 1HT",
        "neighbourhoods": ["The Heights"],
    },
    {
        "name": "Millfield Shared Lives CIC",
        "legal_form": LegalForm.CIC,
        "company_number": "09876543",
        "lived_experience_led": True,
        "staff_count": 9,
        "volunteer_count": 4,
        "staff_with_lived_experience_count": 2,
        "address": "Millfield Community Centre\nMill Street\nAshby Vale",
        "postcode": "AV2 4MF",
        "neighbourhoods": ["Millfield", "Northgate"],
    },
    {
        "name": "Old Town Care Co-operative",
        "legal_form": LegalForm.COOPERATIVE,
        "company_number": "IP031234",
        "staff_count": 22,
        "volunteer_count": 6,
        "staff_with_lived_experience_count": 5,
        "address": "2 Market Square\nAshby Vale",
        "postcode": "AV1 1OT",
        "neighbourhoods": ["Old Town"],
    },
    {
        "name": "Northgate Neighbours",
        "legal_form": LegalForm.CHARITY,
        "charity_number": "512345",
        "volunteer_count": 60,
        "address": "St Anne's Hall\nNorthgate Road\nAshby Vale",
        "postcode": "AV4 2NN",
        "neighbourhoods": ["Northgate"],
    },
    {
        "name": "Vale Home Support Ltd",
        "legal_form": LegalForm.PRIVATE_COMPANY,
        "company_number": "01234567",
        "staff_count": 140,
        "address": "Unit 4, Ringway Business Park\nAshby Vale",
        "postcode": "AV5 9RB",
        "neighbourhoods": ["Northgate", "The Heights"],
    },
]

ASSETS = [
    ("building_land", "Millfield Community Centre", "Millfield", "52.486200", "-1.890400"),
    ("green_space", "Canal towpath gardens", "Canal Side", "52.478900", "-1.905100"),
    ("community_group", "Heights Tenants' Association", "The Heights", "52.491300", "-1.879800"),
    ("service", "Old Town lunch club", "Old Town", "52.482500", "-1.897700"),
    ("volunteering", "Northgate good neighbours", "Northgate", "52.495600", "-1.901200"),
    ("building_land", "The Mill Tavern", "Millfield", "52.487100", "-1.889200"),
]

# Who can use them and how, for the assets people visit.
TAGS = {
    "Canal towpath gardens": ["growing", "outdoors"],
    "Heights Tenants' Association": ["housing", "meeting place"],
    "Northgate good neighbours": ["older people", "volunteering"],
}
ASSET_DETAILS = {
    "Old Town lunch club": {
        "description": "A hot two-course lunch and good company, cooked by volunteers.",
        "availability": "Tuesdays and Thursdays, 12 to 2pm",
        "cost": "low",
        "cost_details": "£3 a meal; free for anyone who cannot pay",
        "accessibility": "Step-free entrance, hearing loop, accessible toilet.",
        "contact_name": "Maureen Platt",
        "contact_email": "lunch@oldtown.example",
        "contact_phone": "0121 496 0000",
        "tags": ["food", "older people", "loneliness"],
    },
    "Millfield Community Centre": {
        "availability": "Weekdays 9am to 9pm, Saturdays 10am to 4pm",
        "cost": "paid",
        "cost_details": "Rooms from £12 an hour; community groups half price",
        "accessibility": "Step-free throughout, lift to the first floor.",
        "website": "https://millfield-centre.example",
        "tags": ["rooms to hire", "meeting place"],
    },
}


def _boundary(place: str, margin: float = 0.003) -> dict:
    """A rough box around the place's demo assets: enough for the map to
    draw an outline and fit it, with or without a tile server."""
    points = [(float(lon), float(lat)) for _, _, p, lat, lon in ASSETS if p == place]
    west, east = min(x for x, _ in points) - margin, max(x for x, _ in points) + margin
    south, north = min(y for _, y in points) - margin, max(y for _, y in points) + margin
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


PEOPLE = [
    ("admin@ashbyvale.example", "Ada", "Okafor", roles.ADMINISTRATOR, True),
    ("commissioner@ashbyvale.example", "Colm", "Reilly", roles.COMMISSIONER, False),
    # A second commissioner: whoever sends a tender for approval cannot approve it.
    ("approver@ashbyvale.example", "Nia", "Evans", roles.COMMISSIONER, False),
    ("grants@ashbyvale.example", "Grace", "Mensah", roles.GRANTS_OFFICER, False),
    # The finance team: releases what grants officers approve, never its own.
    ("payments@ashbyvale.example", "Femi", "Adeyemi", roles.FINANCE_OFFICER, False),
    ("panel@ashbyvale.example", "Priya", "Shah", roles.PANEL_MEMBER, False),
    ("applicant@ashbyvale.example", "Ali", "Hassan", roles.APPLICANT, False),
    # A second organisation's member, so two local groups can compete for a tender.
    ("bidder@ashbyvale.example", "Rosa", "Mendes", roles.APPLICANT, False),
]


def _person(email, first_name, last_name, role, superuser) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
            is_staff=superuser,
            is_superuser=superuser,
        )
    user.groups.add(Group.objects.get(name=role))
    demo_staff_enrol(user)
    return user


@transaction.atomic
def demo_community_load() -> list[tuple[str, str]]:
    """Load the borough; returns (role, e-mail) for each demo login."""
    roles.roles_sync()
    places = {}
    for name, description, codes, population in NEIGHBOURHOODS:
        places[name], _ = Neighbourhood.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "ons_codes": codes,
                "population": population,
                "boundary": _boundary(name),
            },
        )
    for spec in ORGANISATIONS:
        spec = dict(spec)
        served = spec.pop("neighbourhoods")
        organisation = Organisation.objects.filter(name=spec["name"]).first()
        if organisation is None:
            organisation = Organisation(**spec)
            organisation.full_clean()
            organisation.save()
            organisation.neighbourhoods.set(places[name] for name in served)
    for kind, name, place, latitude, longitude in ASSETS:
        asset, created = Asset.objects.get_or_create(
            name=name, defaults={"kind": kind, "latitude": latitude, "longitude": longitude}
        )
        if created:
            asset.neighbourhoods.add(places[place])
            details = dict(ASSET_DETAILS.get(name, {}))
            tags = details.pop("tags", TAGS.get(name, []))
            for field, value in details.items():
                setattr(asset, field, value)
            asset.save()
            asset.tags.add(*tags)
    logins = [
        (role, _person(email, first, last, role, su).email)
        for email, first, last, role, su in PEOPLE
    ]
    applicant = User.objects.get(email="applicant@ashbyvale.example")
    kitchen = Organisation.objects.get(name="Canal Side Community Kitchen")
    OrganisationMembership.objects.get_or_create(
        organisation=kitchen, user=applicant, defaults={"role": MembershipRole.ADMIN}
    )
    OrganisationMembership.objects.get_or_create(
        organisation=Organisation.objects.get(name="Northgate Neighbours"),
        user=User.objects.get(email="bidder@ashbyvale.example"),
        defaults={"role": MembershipRole.ADMIN},
    )
    tavern = Asset.objects.get(name="The Mill Tavern")
    if not tavern.acv_listings.exists():
        AcvListing.objects.create(
            asset=tavern,
            nominated_by=Organisation.objects.get(name="Millfield Shared Lives CIC"),
            nominated_on=date(2022, 3, 1),
            decision=AcvDecision.LISTED,
            decided_on=date(2022, 4, 12),
            officer=User.objects.get(email="commissioner@ashbyvale.example"),
        )
    return logins
