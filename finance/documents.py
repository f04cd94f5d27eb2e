"""Submitted applications as PDF documents, each with its receipt."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from grants.models import Application
from grants.questions import answers_for_display


def application_pdf(application: Application) -> bytes:
    files = {str(d.question_id): d.original_name for d in application.documents.all()}
    html = render_to_string(
        "finance/application_pdf.html",
        {
            "application": application,
            "answers": answers_for_display(
                application.round.questions, application.answers, files=files
            ),
            "made_at": timezone.now(),
        },
    )
    return HTML(string=html).write_pdf()
