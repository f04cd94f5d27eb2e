"""How people fill in the site's GOV.UK form patterns, for posting in tests."""


def date_typed(name: str, typed: str) -> dict:
    """A date as typed into the GOV.UK date input: "27/3/2027" fills the
    day, month and year boxes of the field called `name`."""
    day, month, year = [*typed.split("/"), "", "", ""][:3]
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}
