from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.models import CallIndexPage, CallPage, HomePage
from tests.grants.factories import RoundFactory


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def calls_index(home):
    return publish(home, CallIndexPage(title="Calls for partners", slug="calls"))


def round_call(calls_index, *, title="Lunch clubs", opens_in=-10, closes_in=10, **round_fields):
    now = timezone.now()
    round_ = RoundFactory(
        title=title,
        opens_at=now + timedelta(days=opens_in),
        closes_at=now + timedelta(days=closes_in),
        **round_fields,
    )
    return publish(calls_index, CallPage(title=title, slug=round_.slug, round=round_))
