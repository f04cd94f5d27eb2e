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
    plan, confirm = None, None
    form = AssetImportForm()
    if request.method == "POST" and request.POST.get("action") == "import":
        # Whatever happens next, the checked file is used once at most.
        checked = request.session.pop(SESSION_KEY, None)
        checked = checked if isinstance(checked, dict) else {}
        confirm = AssetImportConfirmForm(request.POST)
        fingerprint = confirm.cleaned_data["fingerprint"] if confirm.is_valid() else ""
        try:
            if not checked or checked.get("fingerprint") != fingerprint:
                raise ValidationError(
                    "Nothing was imported: this is not the file you checked, or it was "
                    "refused. Check the file again."
                )
            created = asset_import(
                data=checked["data"].encode(), actor=request.user, fingerprint=fingerprint
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"{len(created)} assets imported.")
            return redirect("/admin/asset/")
    elif request.method == "POST":
        # A new upload replaces whatever was checked before, refused or not.
        request.session.pop(SESSION_KEY, None)
        form = AssetImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            plan = asset_import_plan(data)
            if plan.ok:
                request.session[SESSION_KEY] = {
                    "data": data.decode("utf-8"),
                    "fingerprint": plan.fingerprint,
                }
                confirm = AssetImportConfirmForm(
                    initial={"action": "import", "fingerprint": plan.fingerprint}
                )
    return render(
        request,
        "assets/asset_import.html",
        {
            "form": form,
            "plan": plan,
            "confirm": confirm,
            "columns": COLUMNS,
            "optional_columns": OPTIONAL_COLUMNS,
            "preview_columns": plan.columns if plan else COLUMNS,
        },
        status=400 if form.errors or (plan and not plan.ok) else 200,
    )
