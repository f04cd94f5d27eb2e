"""A bid as it was submitted, as a PDF with its receipt, for the
organisation that sent it and, once the bids are opened, for those who may
read it (the same rule as the bid's page: commissioning.access)."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from commissioning.models import Bid, BidVersion
from grants.questions import answers_for_display
from social_value.promises import framework_measures, promises_valued


def bid_pdf(bid: Bid, version: BidVersion) -> bytes:
    files = {d.question_id: d.original_name for d in bid.documents.all()}
    promised, promised_total = promises_valued(
        framework_measures(bid.tender.call.framework), version.commitments
    )
    html = render_to_string(
        "commissioning/bid_pdf.html",
        {
            "bid": bid,
            "version": version,
            "answers": answers_for_display(bid.tender.questions, version.answers, files=files),
            "promised": promised,
            "promised_total": promised_total,
            "made_at": timezone.now(),
        },
    )
    return HTML(string=html).write_pdf()
