"""Downloading a file attached to an application (grants.access says who)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from foundation.files import file_download
from grants.access import application_document_readable_by
from grants.models import ApplicationDocument


@login_required
def application_file(request, pk):
    document = get_object_or_404(
        ApplicationDocument.objects.select_related("application__organisation"), pk=pk
    )
    if not application_document_readable_by(document, request.user):
        raise PermissionDenied("This file belongs to another organisation's application.")
    return file_download(
        request, document=document, file=document.file, filename=document.original_name
    )
