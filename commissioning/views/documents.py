"""A PDF of a bid as it was last submitted, with its receipt."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from commissioning.access import SEALED_MESSAGE, bid_readable_by
from commissioning.documents import bid_pdf
from commissioning.models import Bid


@login_required
def bid_pdf_download(request, pk):
    bid = get_object_or_404(
        Bid.objects.select_related("tender__call__framework", "lot", "organisation"), pk=pk
    )
    # Sealed like the bid's page: its organisation, and after opening only.
    if not bid_readable_by(bid, request.user):
        raise PermissionDenied(SEALED_MESSAGE)
    version = bid.versions.select_related("submitted_by").order_by("-number").first()
    if version is None:
        raise Http404("This bid has not been submitted.")
    response = HttpResponse(bid_pdf(bid, version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bid-{bid.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
