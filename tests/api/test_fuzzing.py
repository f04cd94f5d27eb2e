"""The API answers every request schemathesis can build from the OpenAPI
document without a server error, and every answer conforms to the
document: status codes, content types, headers and bodies. CI runs the
same checks from the command line against the release with the demo data
(.ci/run); this test shows a developer the same failures in `make test`."""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.services.tokens import token_create
from assets.models import Asset, AssetKind
from config.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def administrator_token(records):
    """A token that reaches every endpoint, so the staff lists' bodies are
    checked too, not only their refusals."""
    user = get_user_model().objects.create_superuser(
        email="integration@example.org", password="not-used-here"
    )
    Asset.objects.create(kind=AssetKind.COMMUNITY_GROUP, name="Towpath walkers")
    return token_create(user=user, name="Fuzzing", actor=user)[1]


@pytest.fixture
def connection_kept():
    """The app is called in-process, inside the test's transaction: as
    Django's own test client does, the start and end of a request must not close the
    database connection the test is still using."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_every_answer_conforms_to_the_document(administrator_token, connection_kept):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_conform(case):
            # Anonymous, then with a token that reaches every endpoint. The
            # WSGI client does not undo the site's gzip, so none is asked for.
            for auth in ({}, {"Authorization": f"Token {administrator_token}"}):
                headers = {"Accept-Encoding": "identity", **auth}
                case.call_and_validate(headers=headers, checks=CHECKS)

        answers_conform()
