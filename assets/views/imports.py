"""The officer's CSV import of assets: upload, preview with every problem
by line, then import all of it or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from assets.forms import AssetImportConfirmForm, AssetImportForm
from assets.services.imports import COLUMNS, OPTIONAL_COLUMNS, asset_import, asset_import_plan

SESSION_KEY = "asset-import-csv"


@permission_required("assets.add_asset", raise_exception=True)
def asset_import_view(request):
    plan = None
    form = AssetImportForm()
    if request.method == "POST" and AssetImportConfirmForm(request.POST).is_valid():
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
        form = AssetImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            plan = asset_import_plan(data)
            if plan.ok:
                request.session[SESSION_KEY] = data.decode("utf-8-sig")
    return render(
        request,
        "assets/asset_import.html",
        {
            "form": form,
            "plan": plan,
            "columns": COLUMNS,
            "optional_columns": OPTIONAL_COLUMNS,
            "preview_columns": plan.columns if plan else COLUMNS,
        },
        status=400 if form.errors or (plan and not plan.ok) else 200,
    )
