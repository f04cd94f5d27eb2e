"""The OpenAPI document describes this API alone, with every answer it can
give: the refusals as well as the records, so a client (and the fuzzing in
CI) can rely on it."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"description": "Why the call was refused."}},
    "additionalProperties": True,
}


TOO_LONG = {
    "description": "The address is too long.",
    "content": {"text/html": {"schema": {"type": "string"}}},
}


def only_this_api(endpoints, **kwargs):
    # Wagtail's admin has a DRF API of its own; it is not ours to describe.
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


def _refusal(reason: str) -> dict:
    return {
        "description": reason,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}},
    }


def refusals_documented(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Refusal"] = ERROR
    for item in result.get("paths", {}).values():
        for operation in item.values():
            responses = operation["responses"]
            parameters = operation.get("parameters", [])
            if any(p["in"] == "query" for p in parameters):
                responses.setdefault("400", _refusal("A parameter's value is not allowed."))
                # Over-long addresses are refused by the web server (gunicorn
                # allows a request line of 4,094 bytes) before the API sees them.
                responses.setdefault("414", TOO_LONG)
            if any(p["in"] == "path" for p in parameters) or any(
                p["name"] == "page" for p in parameters
            ):
                responses.setdefault("404", _refusal("No such record, or no such page."))
            if {} not in operation.get("security", [{}]):
                responses.setdefault("401", _refusal("No valid session or API token."))
                responses.setdefault("403", _refusal("Not allowed to see these records."))
            responses.setdefault("429", _refusal("Too many calls: try again later."))
    return result
