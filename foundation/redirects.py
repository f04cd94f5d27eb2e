"""Where to send someone next, when the address comes from the request.

A `next` (or any return address) in a link or a form can be written by
anyone: a link to our sign-in page with `?next=//evil.example` would take
people to another site straight after they typed their password there. So
every view that redirects to an address taken from the request asks here,
and anything that would leave this site is replaced by a page of our own.
"""

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"


def next_url(request, *, field: str = NEXT) -> str:
    """The request's `next` if it stays on this site (a form's first, then
    the query string's), else an empty string."""
    url = request.POST.get(field) or request.GET.get(field) or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def safe_next(request, default: str = "portal-dashboard", *, field: str = NEXT) -> str:
    """The request's `next` if it stays on this site, else `default` (a URL
    name or a path)."""
    return next_url(request, field=field) or resolve_url(default)
