from django.shortcuts import render
from django.views.decorators.http import require_safe

from api import reference


@require_safe
def reference_page(request):
    return render(request, "api/reference.html", {"sections": reference.sections()})
