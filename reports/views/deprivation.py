"""Loading the council's deprivation measure from a CSV file, the page the
reports link to beside spend per head: the staff who may change it choose
the file, and see what is loaded now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Max
from django.shortcuts import redirect, render

from reports.forms import DeprivationUploadForm
from reports.models import DeprivationArea
from reports.services.deprivation import deprivation_load

CHANGE = "reports.change_deprivationarea"


@login_required
@permission_required(CHANGE, raise_exception=True)
def deprivation_upload(request):
    form = DeprivationUploadForm()
    if request.method == "POST":
        form = DeprivationUploadForm(request.POST, request.FILES)
        if form.is_valid():
            count = deprivation_load(rows=form.rows, actor=request.user)
            messages.success(
                request, f"Loaded deprivation scores for {count} area{'s' if count != 1 else ''}."
            )
            return redirect("reports:deprivation")
    return render(
        request,
        "reports/deprivation.html",
        {
            "form": form,
            "loaded": DeprivationArea.objects.aggregate(areas=Count("pk"), last=Max("loaded_at")),
        },
        status=400 if form.errors else 200,
    )
