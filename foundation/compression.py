"""Responses compressed, but never one that carries a CSRF token.

BREACH reads a secret out of a compressed, encrypted response by
reflecting guesses into the same body and watching its length. The secret
within reach on this site is the CSRF token in a form; a page that drew one
(Django's `get_token` marks the request and sets the cookie) is sent
uncompressed. Everything else, the public pages and open data above all,
is gzipped; Django's GZipMiddleware also pads each answer with random bytes
("Heal the BREACH") so lengths leak less still.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def carries_csrf_token(request, response) -> bool:
    # get_token() sets this key (True, then False once the cookie is sent).
    return (
        "CSRF_COOKIE_NEEDS_UPDATE" in request.META or settings.CSRF_COOKIE_NAME in response.cookies
    )


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if carries_csrf_token(request, response):
            return response
        return super().process_response(request, response)
