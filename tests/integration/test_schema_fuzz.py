"""A bounded schemathesis pass against a real server: every documented operation, parameter, header
and body is fuzzed (a few hundred cases, fixed seed), and no answer is a 5xx or breaks the schema."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from stichat.config import Settings
from stichat.web.app import create_app
from tests.conftest import LiveServer, base_env, start_server

#: Per operation; with ~24 operations that is a few hundred cases, about half a minute on the dev machine.
EXAMPLES = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp: Path = tmp_path_factory.mktemp("fuzz")
    server = start_server(tmp / "data", tmp / "server.log")
    yield server
    server.stop()


def load_schema() -> schemathesis.BaseSchema:
    """The app's own OpenAPI document, built without a server (collection needs the operation list)."""
    with tempfile.TemporaryDirectory() as data_dir:
        raw = create_app(Settings.from_env(base_env(Path(data_dir)))).openapi()
    return schemathesis.openapi.from_dict(raw)


SCHEMA = load_schema()
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def api_schema() -> schemathesis.BaseSchema:
    return SCHEMA


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_documented_input_gets_a_5xx_or_an_undocumented_answer(fuzzed_server: LiveServer, label: str) -> None:
    operation = OPERATIONS[label]

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def fuzz(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=fuzzed_server.url, checks=CHECKS, timeout=10)

    fuzz()


def test_every_header_and_query_the_routes_read_is_documented(api_schema: schemathesis.BaseSchema) -> None:
    names = {(param["in"], param["name"].lower())
             for path in api_schema.raw_schema["paths"].values()
             for operation in path.values() for param in operation.get("parameters", [])}
    assert {("header", "x-session-id"), ("header", "x-csrf-token"), ("query", "t"), ("query", "token"),
            ("header", "authorization")} <= names
    upload = api_schema.raw_schema["paths"]["/api/upload-image"]["post"]["requestBody"]
    assert "image" in upload["content"]["multipart/form-data"]["schema"]["properties"]


def test_following_the_documented_links_from_a_greeting_gets_no_5xx(fuzzed_server: LiveServer) -> None:
    """Stateful: a greeting's sessionId feeds chat turns, tickets, uploads, export and erasure."""
    links = SCHEMA.raw_schema["paths"]["/api/greeting"]["post"]["responses"]["200"]["links"]
    assert {"Chat", "Ticket", "Upload", "Erase"} <= set(links)
    machine = SCHEMA.as_state_machine()

    class Walk(machine):  # type: ignore[misc, valid-type]
        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, object]:
            return {"base_url": fuzzed_server.url, "timeout": 10}

        def validate_response(self, response: object, case: schemathesis.Case, **kwargs: object) -> None:
            case.validate_response(response, checks=CHECKS)  # type: ignore[arg-type]

    run_state_machine_as_test(Walk, settings=settings(max_examples=25, stateful_step_count=6, derandomize=True,
                                                      deadline=None, database=None,
                                                      suppress_health_check=list(HealthCheck)))
