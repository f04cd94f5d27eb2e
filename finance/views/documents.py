"""A PDF of an application as it was submitted, with its receipt, for the
organisation that sent it and the staff who may read it."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse

from finance.documents import application_pdf
from finance.views.common import OFFICER, application_for


@login_required
def application_pdf_download(request, pk):
    application, _member = application_for(request, pk, staff_perms=(OFFICER,))
    if not application.submitted_at:
        raise Http404("This application has not been submitted.")
    response = HttpResponse(application_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="application-{application.reference}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
