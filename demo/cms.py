"""The Ashby Vale public site: calls, awards, approaches and the usual pages."""

import json

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.models import (
    ApproachIndexPage,
    ApproachPage,
    AwardsPage,
    CallIndexPage,
    CallPage,
    HomePage,
    StandardPage,
)
from commissioning.models import Tender
from demo.commissioning import TITLE as TENDER_TITLE
from grants.models import Round

APPROACHES = [
    (
        "Shared Lives",
        "People who need support live with, or regularly visit, a carer and their family, "
        "sharing family and community life.",
        "Adults with learning disabilities, older people and people leaving hospital.",
        "Households with a spare room and time to give; local clubs and places of worship.",
        ["care at home", "families", "older people"],
    ),
    (
        "Homeshare",
        "An older householder with a spare room is matched with a younger person who gives "
        "ten hours of help a week in return for a place to live.",
        "Older people living alone, and young workers and students who need somewhere to live.",
        "Spare rooms, neighbours, and the trust built by a careful match.",
        ["housing", "older people", "loneliness"],
    ),
    (
        "Community connectors",
        "Local people who know their patch help others find the groups, places and people "
        "that can help, before problems grow.",
        "Anyone who is isolated, new to the area or caring for someone.",
        "Lunch clubs, walking groups, libraries, faith groups and the connectors' own networks.",
        ["loneliness", "neighbourhoods", "prevention"],
    ),
]


def _add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _paragraph(text: str) -> str:
    return json.dumps([{"type": "paragraph", "value": RichText(text).source}])


@transaction.atomic
def demo_cms_load() -> None:
    home = HomePage.objects.first()
    if home is None or CallIndexPage.objects.exists():
        return
    home.title = "Ashby Vale: what we have, and how we grow it"
    home.intro = (
        "<p>Ashby Vale Council funds and commissions community groups, charities and social "
        "enterprises to build on what each neighbourhood already has.</p>"
    )
    home.save_revision().publish()

    calls = _add(
        home,
        CallIndexPage(
            title="Calls for partners",
            slug="calls",
            show_in_menus=True,
            intro="<p>Grant rounds and tenders open to community organisations.</p>",
        ),
    )
    for round_ in Round.objects.order_by("-closes_at"):
        _add(
            calls,
            CallPage(
                title=round_.title,
                slug=round_.slug,
                round=round_,
                intro="<p>Small grants for groups that bring neighbours together.</p>",
                body=_paragraph(
                    "We want to hear from groups run by the people they serve. Talk to the "
                    "grants team before you apply if you are not sure your idea fits."
                ),
            ),
        )
    tender = Tender.objects.filter(title=TENDER_TITLE).first()
    if tender is not None:
        _add(
            calls,
            CallPage(
                title=tender.title,
                slug="community-connectors-tender",
                tender=tender,
                intro="<p>A service of local connectors, run with the neighbourhoods.</p>",
            ),
        )
    _add(
        home,
        AwardsPage(
            title="Grants awarded",
            slug="awards",
            show_in_menus=True,
            intro="<p>Every grant the council has awarded, where the money went and who to.</p>",
        ),
    )
    approaches = _add(
        home,
        ApproachIndexPage(
            title="Community approaches",
            slug="approaches",
            show_in_menus=True,
            intro="<p>Ways of working that start from what people and places already have.</p>",
        ),
    )
    for title, summary, who, builds_on, tags in APPROACHES:
        page = ApproachPage(
            title=title, summary=summary, who_it_helps=who, assets_it_builds_on=builds_on
        )
        page.tags.add(*tags)
        _add(approaches, page)
    for title, slug, text in [
        (
            "Accessibility statement",
            "accessibility",
            "This website is run by Ashby Vale Council. We want as many people as possible to "
            "be able to use it: you should be able to zoom in up to 400% without the text "
            "spilling off the screen, and navigate the whole site using just a keyboard or "
            "speech recognition software. We test every page against WCAG 2.2 level AA. If you "
            "find a problem, email access@ashbyvale.example and we will reply within 5 working "
            "days.",
        ),
        (
            "Privacy",
            "privacy",
            "We use the details you give us only to run grant rounds and tenders, to pay "
            "grants and to report what they achieved. We publish grants awarded to "
            "organisations, never details about individual people.",
        ),
        (
            "About the council's approach",
            "about",
            "We start from what each neighbourhood already has: its people, groups, places "
            "and money. We fund and commission to grow those assets, and we report the social "
            "value that comes back.",
        ),
    ]:
        _add(
            home,
            StandardPage(
                title=title, slug=slug, show_in_menus=slug == "about", body=_paragraph(text)
            ),
        )
