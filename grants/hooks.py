"""Steps that apps above grants add to an offer and its payments.

Grants cannot import the apps built on it (finance sits above it), yet the
rules those apps keep must hold inside grants' own services: an offer is
not sent until the programme's due diligence is done, it is accepted only
through its signed agreement, and a payment is recorded paid only once the
finance team has released it. So grants names the moments and the apps
register what must be true at each, in their AppConfig.ready(); the
services ask every registered check and refuse with the reasons given.

Each check takes the record and returns the reasons it cannot go ahead
(empty when it can). Links and pages are (label, address) pairs for the
officer's and the applicant's pages.
"""

from collections.abc import Callable

OFFER_SEND_CHECKS: list[Callable] = []
OFFER_ACCEPT_CHECKS: list[Callable] = []
PAYMENT_PAID_CHECKS: list[Callable] = []
# award -> None, inside the offer's transaction (finance: make the agreement).
OFFER_SENT: list[Callable] = []
# (application, user) -> [(label, url)] shown on the officer's application page.
OFFICER_LINKS: list[Callable] = []
# (application, user) -> [(label, url)] shown on the applicant's application page.
APPLICANT_LINKS: list[Callable] = []
# application -> url of the page where the applicant accepts the offer, or "".
ACCEPT_PAGES: list[Callable] = []
# monitoring return -> url of the page where the grant holder files it, or ""
# (outcomes: the programme's own questions beside the standard parts).
RETURN_PAGES: list[Callable] = []


def _problems(checks, record) -> list[str]:
    return [problem for check in checks for problem in check(record)]


def offer_send_problems(application) -> list[str]:
    return _problems(OFFER_SEND_CHECKS, application)


def offer_accept_problems(application) -> list[str]:
    return _problems(OFFER_ACCEPT_CHECKS, application)


def payment_paid_problems(payment) -> list[str]:
    return _problems(PAYMENT_PAID_CHECKS, payment)


def offer_sent(award) -> None:
    for handler in OFFER_SENT:
        handler(award=award)


def officer_links(application, user) -> list[tuple[str, str]]:
    return [link for provider in OFFICER_LINKS for link in provider(application, user)]


def applicant_links(application, user) -> list[tuple[str, str]]:
    return [link for provider in APPLICANT_LINKS for link in provider(application, user)]


def accept_page(application) -> str:
    """Where the applicant accepts this offer, when another app says."""
    for provider in ACCEPT_PAGES:
        url = provider(application)
        if url:
            return url
    return ""


def return_page(monitoring_return) -> str:
    """Where the grant holder files this return, when another app says."""
    for provider in RETURN_PAGES:
        url = provider(monitoring_return)
        if url:
            return url
    return ""
