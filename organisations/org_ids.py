"""Organisation identifiers, following org-id.guide as 360Giving uses them.

A registered organisation is known by its register's prefix and number:
``GB-CHC-1234567`` (Charity Commission for England and Wales),
``GB-SC-SC012345`` (OSCR, Scotland), ``GB-NIC-100002`` (Charity Commission
for Northern Ireland), ``GB-COH-01234567`` (Companies House, eight
characters, leading zeros kept). Anything else gets the publisher's own
``360G-<publisher>-<local id>``.
"""

import re

from django.core.exceptions import ValidationError

CHARITY_ENGLAND_WALES = re.compile(r"^\d{6,7}$")
CHARITY_SCOTLAND = re.compile(r"^SC\d{6}$")
CHARITY_NORTHERN_IRELAND = re.compile(r"^NIC\d{6}$")
# Eight digits (England and Wales) or two letters and six digits (SC, NI,
# OC for LLPs, IP/RS for societies...).
COMPANY_NUMBER = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")

CHARITY_NUMBER_MESSAGE = (
    "Enter a charity number like 1234567 (England and Wales), SC012345 (Scotland) "
    "or NIC100002 (Northern Ireland)."
)
COMPANY_NUMBER_MESSAGE = (
    "Enter a Companies House number of 8 characters, like 01234567 or SC123456."
)


def _compact(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def charity_number_normalise(value: str) -> str:
    """Return the charity number in its register's own form, or raise."""
    number = _compact(value)
    if not number:
        return ""
    if (
        CHARITY_ENGLAND_WALES.match(number)
        or CHARITY_SCOTLAND.match(number)
        or CHARITY_NORTHERN_IRELAND.match(number)
    ):
        return number
    raise ValidationError(CHARITY_NUMBER_MESSAGE, code="invalid_charity_number")


def company_number_normalise(value: str) -> str:
    """Return an eight-character company number, or raise.

    Companies House numbers are eight characters; people often drop the
    leading zeros of English and Welsh ones, so short all-digit numbers are
    padded back, never stripped.
    """
    number = _compact(value)
    if not number:
        return ""
    if number.isdigit() and len(number) < 8:
        number = number.zfill(8)
    if COMPANY_NUMBER.match(number) and number != "00000000":
        return number
    raise ValidationError(COMPANY_NUMBER_MESSAGE, code="invalid_company_number")


def org_id_derive(
    *, charity_number: str, company_number: str, publisher: str, local_id: str
) -> str:
    """The organisation's identifier, by the first register that knows it.

    A charity number wins over a company number: for a charitable company
    the charity register is the one funders look up first.
    """
    charity = charity_number_normalise(charity_number)
    if charity:
        if charity.startswith("SC"):
            return f"GB-SC-{charity}"
        if charity.startswith("NIC"):
            return f"GB-NIC-{charity[3:]}"
        return f"GB-CHC-{charity}"
    company = company_number_normalise(company_number)
    if company:
        return f"GB-COH-{company}"
    return f"360G-{publisher}-{local_id}"
