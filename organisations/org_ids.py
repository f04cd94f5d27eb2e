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

# England and Wales charity numbers are 6 or 7 digits with no leading
# zero; Scottish and Northern Irish ones keep six digits after the letters.
CHARITY_ENGLAND_WALES = re.compile(r"^[1-9]\d{5,6}$")
CHARITY_SCOTLAND = re.compile(r"^SC\d{6}$")
CHARITY_NORTHERN_IRELAND = re.compile(r"^NIC\d{6}$")
# Eight digits (England and Wales) or two letters and six digits (SC, NI,
# OC for LLPs, IP/RS for societies...).
COMPANY_NUMBER = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")
# A number typed as its whole identifier ("GB-CHC-1234567") is read as the number.
TYPED_PREFIXES = ("GB-CHC-", "GB-SC-", "GB-NIC-", "GB-COH-")

CHARITY_NUMBER_MESSAGE = (
    "Enter a charity number like 1234567 (England and Wales), SC012345 (Scotland) "
    "or NIC100002 (Northern Ireland)."
)
COMPANY_NUMBER_MESSAGE = (
    "Enter a Companies House number of 8 characters, like 01234567 or SC123456."
)


def _compact(value: str) -> str:
    number = re.sub(r"\s+", "", value or "").upper()
    for prefix in TYPED_PREFIXES:
        if number.startswith(prefix):
            number = number.removeprefix(prefix)
            return f"NIC{number}" if prefix == "GB-NIC-" and number.isdigit() else number
    return number


def charity_number_normalise(value: str) -> str:
    """Return the charity number in its register's own form, or raise.

    One charity has one form, so it cannot register twice under two: a
    leading zero typed before an England and Wales number is dropped
    (0512345 is 512345), and an identifier typed whole (GB-CHC-512345) is
    read as its number.
    """
    number = _compact(value)
    if not number:
        return ""
    number = number.lstrip("0") if number.isdigit() else number
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
    padded back, never stripped (1234567 and 01234567 are one company).
    """
    number = _compact(value)
    if not number:
        return ""
    number = number.zfill(8) if number.isdigit() else number
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


# org-id.guide's list codes used here, with the words ORUK's identifier_type
# asks for when a reader does not know the code.
SCHEMES = {
    "GB-CHC": "Charity number (Charity Commission for England and Wales)",
    "GB-SC": "Scottish charity number (OSCR)",
    "GB-NIC": "Charity number (Charity Commission for Northern Ireland)",
    "GB-COH": "Company number (Companies House)",
}
OWN_SCHEME_TYPE = "Identifier given by the publisher (360Giving)"


def org_id_split(org_id: str, *, publisher: str) -> tuple[str, str, str]:
    """(scheme, identifier, identifier type) of an identifier.

    A registered organisation's scheme is the register's list code and its
    identifier the number on that register: GB-CHC-1190001 is (GB-CHC,
    1190001) and GB-SC-SC012345 is (GB-SC, SC012345). An unregistered
    group's 360Giving identifier is the publisher's own prefix and the
    publisher's local id: 360G-commonground-ORG-2 is (360G-commonground,
    ORG-2), never split at its last hyphen.
    """
    for scheme, words in SCHEMES.items():
        if org_id.startswith(f"{scheme}-"):
            return scheme, org_id.removeprefix(f"{scheme}-"), words
    own = f"360G-{publisher}"
    if org_id.startswith(f"{own}-"):
        return own, org_id.removeprefix(f"{own}-"), OWN_SCHEME_TYPE
    if org_id.startswith("360G-") and org_id.count("-") >= 2:
        # Another publisher's 360Giving identifier: its prefix is 360G and
        # the publisher's name, up to the second hyphen.
        prefix, publisher_name, local_id = org_id.split("-", 2)
        return f"{prefix}-{publisher_name}", local_id, OWN_SCHEME_TYPE
    return "", org_id, "Identifier"
