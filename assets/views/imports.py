"""The officer's CSV import of assets: upload, preview with every problem
by line, then import all of it or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from assets.services.imports import (
    COLUMNS,
    MAX_BYTES,
    OPTIONAL_COLUMNS,
    asset_import,
    asset_import_plan,
)

SESSION_KEY = "asset-import-csv"


@permission_required("assets.add_asset", raise_exception=True)
def asset_import_view(request):
    plan = None
    if request.method == "POST" and request.POST.get("action") == "import":
        data = request.session.pop(SESSION_KEY, "").encode()
        try:
            created = asset_import(data=data, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"{len(created)} assets imported.")
            return redirect("/admin/asset/")
    elif request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None or upload.size > MAX_BYTES:
            messages.error(request, "Choose a CSV file of 5 MB or less.")
        else:
            data = upload.read()
            plan = asset_import_plan(data)
            if plan.ok:
                request.session[SESSION_KEY] = data.decode("utf-8-sig")
    return render(
        request,
        "assets/asset_import.html",
        {
            "plan": plan,
            "columns": COLUMNS,
            "optional_columns": OPTIONAL_COLUMNS,
            "preview_columns": plan.columns if plan else COLUMNS,
        },
        status=400 if plan and not plan.ok else 200,
    )
