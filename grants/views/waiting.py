"""The lists behind the staff home's counts, and marking a monitoring
return as reviewed."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from grants import waiting
from grants.models import MonitoringReturn
from grants.services import awards
from grants.views.officer import OFFICER, _act


@permission_required(OFFICER, raise_exception=True)
def waiting_list(request, slug):
    queue = waiting.BY_SLUG.get(slug)
    if queue is None:
        raise Http404("No such list.")
    return render(
        request,
        "grants/officer/waiting.html",
        {"queue": queue, "rows": waiting.waiting_rows(slug), "queues": waiting.QUEUES},
    )


@require_POST
@permission_required(OFFICER, raise_exception=True)
def monitoring_return_reviewed(request, pk):
    monitoring_return = get_object_or_404(MonitoringReturn.objects.select_related("award"), pk=pk)
    return _act(
        request,
        monitoring_return.award.application_id,
        lambda _application: awards.monitoring_return_review(
            monitoring_return=monitoring_return, actor=request.user
        ),
        "The return is marked as reviewed.",
    )
