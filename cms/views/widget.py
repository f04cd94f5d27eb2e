"""The embeddable search: a box and results that a GP practice, library or
community group puts on its own site, for one neighbourhood or topic.

Three addresses: the page explaining it with a snippet to copy, the script
the snippet loads, and the JSON the script asks. The script and the JSON
are open to every origin (CORS) and set no cookie, so a visitor of the host
site is neither tracked nor asked to accept anything.
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from assets.selectors import assets_find
from cms.forms import WidgetForm
from cms.views.where_i_live import miles
from neighbourhoods.selectors import nearest, postcode_location

RESULTS = 10
ONE_HOUR = 3600


def _open_to_every_origin(response: HttpResponse, *, seconds: int) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={seconds}"
    # Another site's page may load it, and only as what it says it is.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _result(request, asset, distance=None) -> dict:
    return {
        "name": asset.name,
        "url": request.build_absolute_uri(reverse("asset-detail", args=[asset.pk])),
        "kind": asset.get_kind_display(),
        "neighbourhoods": [n.name for n in asset.neighbourhoods.all()],
        "opening_times": asset.availability,
        "cost": ": ".join(part for part in (asset.get_cost_display(), asset.cost_details) if part),
        "distance": miles(distance) if distance is not None else "",
    }


@require_GET
def widget_search(request):
    """Up to ten assets for the words, within the neighbourhood and topic
    the host chose, nearest first when a postcode is given."""
    words = request.GET.get("q", "").strip()[:200]
    postcode = request.GET.get("postcode", "").strip()[:10]
    assets = assets_find(
        words=words,
        neighbourhood=request.GET.get("neighbourhood", "")[:140],
        tag=request.GET.get("topic", "")[:100],
    ).prefetch_related("neighbourhoods")
    message = ""
    if postcode:
        location = postcode_location(postcode)
        if location is None:
            message = f"We cannot find the postcode {postcode.upper()}. Check it is right."
            assets = assets.none()
        else:
            assets = nearest(
                assets.filter(latitude__isnull=False, longitude__isnull=False),
                latitude=location[0],
                longitude=location[1],
                within_miles=5,
            )
    else:
        assets = assets.order_by("name", "pk")
    results = [_result(request, a, getattr(a, "distance", None)) for a in assets[:RESULTS]]
    if not results and not message:
        message = "Nothing found. Try other words."
    return _open_to_every_origin(
        JsonResponse({"results": results, "message": message}), seconds=300
    )


@require_GET
def widget_script(request):
    with open(finders.find("js/widget.js"), encoding="utf-8") as script:
        response = HttpResponse(script.read(), content_type="text/javascript; charset=utf-8")
    return _open_to_every_origin(response, seconds=ONE_HOUR)


def widget_page(request):
    """How to put the search on your own site, with a preview."""
    form = WidgetForm(request.GET or None)
    chosen = form.filters()
    neighbourhood = chosen["neighbourhood"]
    return render(
        request,
        "cms/widget.html",
        {
            "form": form,
            "neighbourhood": neighbourhood,
            "topic": chosen["topic"],
            "script_url": request.build_absolute_uri(reverse("widget-script")),
        },
    )
