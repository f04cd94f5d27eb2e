from django.http import JsonResponse


def not_found(request, rest=""):
    """Any address under /api/ that names nothing answers in JSON, as the
    endpoints do: a client never has to read an HTML page."""
    return JsonResponse({"detail": f"There is nothing at {request.path}."}, status=404)
