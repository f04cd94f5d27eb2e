"""Sealed bids: for every role and every way in, a bid's content is
unreadable before the tender closes and its bids are opened, and readable
by the right people after."""

import io
import json
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from commissioning.models import BidDocument
from commissioning.services import evaluation
from commissioning.services.tenders import (
    tender_open_bids,
    tender_publish,
    tenders_close_due,
)
from people import roles
from social_value.services.calls import call_open_scoring
from social_value.services.panels import assignments_generate, conflict_declare
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "Our sealed method statement: the Tuesday rota"


@pytest.fixture
def sealed(tender, commissioner):
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    owner = bidder_make("Owner CIC")
    bid = bid_in(tender.lots.first(), owner, method=SECRET)
    document = BidDocument.objects.create(
        bid=bid,
        question_id="x",
        original_name="prices.pdf",
        uploaded_by=owner,
        file=ContentFile(b"%PDF-1.4 SECRET", "prices.pdf"),
    )
    return {
        "tender": tender,
        "bid": bid,
        "owner": owner,
        "document": document,
        "commissioner": commissioner,
    }


def people(sealed):
    panel_member = sealed["tender"].call.panel.members.first().user
    return {
        "other bidder": bidder_make("Rival Ltd"),
        "commissioner": sealed["commissioner"],
        "panel member": panel_member,
        "administrator": UserFactory(roles=[roles.ADMINISTRATOR], is_superuser=True, is_staff=True),
        "anonymous": None,
    }


def ways_in(client, sealed):
    bid, tender, document = sealed["bid"], sealed["tender"], sealed["document"]
    return {
        "page": client.get(reverse("bid-detail", args=[bid.pk])),
        "file": client.get(reverse("bid-file", args=[document.pk])),
        "pdf": client.get(reverse("bid-pdf", args=[bid.pk])),
        "api": client.get(reverse("bid-api", args=[bid.pk])),
        "export": client.get(reverse("tender-bids-csv", args=[tender.pk])),
        "admin": client.get(f"/django-admin/commissioning/bid/{bid.pk}/change/"),
        "wagtail admin": client.get(f"/admin/bid/edit/{bid.pk}/"),
    }


def leaks(response) -> bool:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code == 200 and response.get("Content-Disposition", "").startswith(
        'attachment; filename="bid-'
    ):
        # The bid as a PDF: its words are in the text the reader shows.
        body = pdf_text(body).encode()
    return response.status_code == 200 and (SECRET.encode() in body or b"SECRET" in body)


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    "role", ["other bidder", "commissioner", "panel member", "administrator", "anonymous"]
)
def test_nobody_but_the_bidder_reads_a_bid_before_opening(client, sealed, role):
    person = people(sealed)[role]
    if person is not None:
        client.force_login(person)
    for way, response in ways_in(client, sealed).items():
        assert not leaks(response), f"{role} read the bid by {way} before opening"
    # The bidder's own organisation can.
    client.force_login(sealed["owner"])
    assert leaks(client.get(reverse("bid-detail", args=[sealed["bid"].pk])))
    assert leaks(client.get(reverse("bid-file", args=[sealed["document"].pk])))
    assert leaks(client.get(reverse("bid-pdf", args=[sealed["bid"].pk])))


def test_after_closing_but_before_opening_it_stays_sealed(client, sealed):
    with time_machine.travel(sealed["tender"].submission_deadline + timedelta(seconds=1)):
        tenders_close_due()
    client.force_login(sealed["commissioner"])
    for way, response in ways_in(client, sealed).items():
        assert not leaks(response), way


def test_after_opening_the_right_people_read_it(client, sealed):
    tender, bid = sealed["tender"], sealed["bid"]
    with time_machine.travel(tender.submission_deadline + timedelta(seconds=1)):
        tenders_close_due()
        tender_open_bids(tender=tender, actor=sealed["commissioner"])
    everyone = people(sealed)
    client.force_login(everyone["commissioner"])
    readable = ways_in(client, sealed)
    for way in ("page", "file", "pdf", "api", "export"):
        assert leaks(readable[way]), way
    assert json.loads(readable["api"].content)["price"] == "400000.00"

    client.force_login(everyone["other bidder"])
    assert not leaks(client.get(reverse("bid-detail", args=[bid.pk])))

    # A panel member reads it once assigned and clear of conflict.
    evaluation.compliance_record(bid=bid, actor=sealed["commissioner"], compliant=True)
    call_open_scoring(call=tender.call, actor=sealed["commissioner"])
    assignments_generate(call=tender.call, actor=sealed["commissioner"])
    bid.refresh_from_db()
    assignment = bid.submission.assignments.get(member__user=everyone["panel member"])
    client.force_login(everyone["panel member"])
    assert not leaks(client.get(reverse("bid-detail", args=[bid.pk])))  # not yet declared
    conflict_declare(assignment=assignment, user=everyone["panel member"], conflicted=False)
    assert leaks(client.get(reverse("bid-detail", args=[bid.pk])))
    panel_page = client.get(reverse("panel-submission", args=[assignment.pk]))
    assert SECRET in panel_page.content.decode()


def test_a_bid_file_has_no_public_address_and_keeps_nothing_of_its_name(sealed):
    document = sealed["document"]
    assert "prices" not in document.file.name
    assert document.file.name.startswith("bids/") and document.file.name.endswith(".pdf")
    with pytest.raises(ValueError, match="no public address"):
        document.file.url  # noqa: B018


def test_the_bidder_s_download_is_an_audited_attachment(client, sealed):
    from django_fsm_log.models import StateLog

    client.force_login(sealed["owner"])
    response = client.get(reverse("bid-file", args=[sealed["document"].pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert StateLog.objects.filter(
        transition="file_downloaded", by=sealed["owner"], object_id=sealed["document"].pk
    ).exists()


def test_a_draft_tender_s_documents_are_the_commissioners_alone(client, tender, commissioner):
    from commissioning.models import TenderDocument

    document = TenderDocument.objects.create(
        tender=tender, title="Specification", file=ContentFile(b"%PDF draft spec", "spec.pdf")
    )
    url = reverse("tender-document", args=[document.pk])
    assert client.get(url).status_code == 404
    client.force_login(bidder_make("Early Bird CIC"))
    assert client.get(url).status_code == 404
    client.force_login(commissioner)
    assert client.get(url).status_code == 200

    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="Specification.pdf"')


def test_the_bidder_downloads_the_bid_as_submitted_with_its_receipt(client, sealed):
    bid, owner = sealed["bid"], sealed["owner"]
    client.force_login(owner)
    page = client.get(reverse("bid-detail", args=[bid.pk])).content.decode()
    url = reverse("bid-pdf", args=[bid.pk])
    assert f'href="{url}" download>Download your bid as submitted (PDF)</a>' in page
    response = client.get(url)
    assert response["Content-Disposition"] == f'attachment; filename="bid-{bid.reference}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    text = " ".join(pdf_text(response.content).split())
    assert "Submission receipt" in text
    assert f"Bid {bid.reference} from Owner CIC" in text
    assert "version 1" in text and "Price: £400,000" in text
    assert SECRET in text


def test_a_bid_started_but_never_sent_has_no_pdf(client, tender, commissioner):
    from commissioning.services.bids import bid_start

    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    owner = bidder_make("Draft Only CIC")
    bid = bid_start(
        lot=tender.lots.first(), organisation=owner.memberships.get().organisation, actor=owner
    )
    client.force_login(owner)
    assert client.get(reverse("bid-pdf", args=[bid.pk])).status_code == 404
    assert (
        "as submitted (PDF)"
        not in client.get(reverse("bid-detail", args=[bid.pk])).content.decode()
    )
