"""The API reference people read, drawn from the OpenAPI document itself so
the two cannot disagree. Rendered on the server: the site's security policy
lets pages load scripts from this site alone, and a reference needs none."""

from drf_spectacular.generators import SchemaGenerator

METHODS = ["get", "post", "put", "patch", "delete"]


def _type(schema: dict, components: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}), components)}"
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"] if v not in ("", None))
    return " ".join(filter(None, [kind, schema.get("format", "")]))


def _fields(schema: dict, components: dict) -> list[dict]:
    """The fields of each item a list endpoint returns."""
    if "$ref" in schema:
        schema = components["schemas"].get(schema["$ref"].rsplit("/", 1)[-1], {})
    results = schema.get("properties", {}).get("results")
    if results:
        return _fields(results.get("items", {}), components)
    return [
        {"name": name, "type": _type(spec, components), "description": spec.get("description", "")}
        for name, spec in schema.get("properties", {}).items()
    ]


def operations(document: dict) -> list[dict]:
    """Each operation with what a reader needs: who may call it, its
    parameters, the fields it answers with and the refusals it can give."""
    components = document.get("components", {})
    found = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            ok = operation.get("responses", {}).get("200", {})
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            schemes = {name for need in operation.get("security", []) for name in need}
            found.append(
                {
                    "id": operation.get("operationId", ""),
                    "method": method.upper(),
                    "path": path,
                    "tag": (operation.get("tags") or ["Other"])[0],
                    "summary": operation.get("summary", ""),
                    "who": (
                        "Anyone"
                        if not schemes or schemes == {""}
                        else "An API token"
                        if schemes == {"apiToken"}
                        else "Signed in, or an API token"
                    ),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {}), components),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "fields": _fields(schema, components),
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    return found


def document() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def sections() -> list[tuple[str, list[dict]]]:
    grouped: dict[str, list[dict]] = {}
    for operation in operations(document()):
        grouped.setdefault(operation["tag"], []).append(operation)
    return list(grouped.items())
