"""/openapi.json documents every answer: a typed success body and the errors each operation may give,
and the bodies the API really sends match those documents field for field."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from stichat.web import responses as out
from tests.conftest import OPERATOR_TOKEN
from tests.helpers import jpeg_bytes

OPERATOR = {"authorization": f"Bearer {OPERATOR_TOKEN}"}
STREAMS = {"text/plain", "text/html", "text/event-stream", "image/jpeg"}


def api_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, operation) for path, item in spec["paths"].items() if path.startswith("/api/")
            for method, operation in item.items()]


def component(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    return spec["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema


def test_every_api_operation_documents_a_typed_success_body(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for method, path, operation in api_operations(spec):
        success = [r for status, r in operation["responses"].items() if status.startswith("2")]
        assert success, (method, path)
        for media, content in success[0]["content"].items():
            schema = component(spec, content["schema"])
            if media == "application/json":
                assert schema.get("properties"), f"{method} {path}: an untyped JSON object"
            else:
                assert media in STREAMS and schema.get("type") == "string", (method, path, media)


#: Takes nothing from the client, so it has no client error of its own (only the edge's, under 4XX).
NOTHING_TO_REFUSE = {("GET", "/api/health")}


def test_every_api_operation_documents_its_own_client_errors_in_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for method, path, operation in api_operations(spec):
        responses = operation["responses"]
        assert "4XX" in responses, f"{method} {path}: the edge's refusals are undocumented"
        own = {status: r for status, r in responses.items() if status.isdigit() and status[0] == "4"}
        assert own or (method, path) in NOTHING_TO_REFUSE, f"{method} {path} documents no 4xx of its own"
        for status, response in {**own, "4XX": responses["4XX"]}.items():
            assert response["description"], (method, path, status)
            assert component(spec, response["content"]["application/json"]["schema"])["title"] == "ErrorOut"


def test_the_documented_errors_name_the_codes_a_route_really_answers(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    chat = spec["paths"]["/api/chat"]["post"]["responses"]
    assert {"session_not_found"} <= set(chat["404"]["description"].split(", "))
    assert "unknown_button" in chat["422"]["description"] and "csrf_failed" in chat["403"]["description"]
    upload = spec["paths"]["/api/upload-image"]["post"]["responses"]
    assert "unsupported_image_type" in upload["415"]["description"]
    assert "too_many_images" in upload["429"]["description"]


#: The operations that refuse a browser request without the session's CSRF token.
CSRF_CHECKED = {("POST", "/api/chat"), ("POST", "/api/reset"), ("POST", "/api/whatsapp-ticket"),
                ("POST", "/api/upload-image"), ("GET", "/api/privacy/my-data"), ("DELETE", "/api/privacy/my-data")}


def test_every_operation_that_checks_the_csrf_token_documents_its_header_once(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for method, path, operation in api_operations(spec):
        csrf = [p for p in operation.get("parameters", []) if p["name"].lower() == "x-csrf-token"]
        if (method, path) not in CSRF_CHECKED:
            assert not csrf, (method, path)
            continue
        assert len(csrf) == 1, (method, path)
        assert csrf[0]["in"] == "header" and csrf[0]["required"] is False and "Origin" in csrf[0]["description"]
        assert {"type": "string"} in csrf[0]["schema"]["anyOf"]


def conforms(model: type[BaseModel], body: dict[str, Any]) -> None:
    """Strictly: every field the body carries is documented (extra="forbid"), every required one is there."""
    model.model_validate(body)


def test_the_bodies_the_api_sends_are_the_documented_ones(client: TestClient) -> None:
    greeting = client.post("/api/greeting", json={}).json()
    conforms(out.ReplyOut, greeting)
    sid = greeting["sessionId"]
    conforms(out.ReplyOut, client.get("/api/greeting").json())
    conforms(out.ValidationOut, client.post("/api/session/validate", json={"sessionId": sid}).json())
    conforms(out.ValidationOut, client.post("/api/session/validate", json={"sessionId": "nope"}).json())
    for turn in ({"action": "BTN_LANG_ES_AR"}, {"message": "Lucía"}, {"message": "mi notebook no prende"},
                 {"action": "BTN_HELP_1"}, {"action": "BTN_BACK_TO_STEPS"}):
        conforms(out.ReplyOut, client.post("/api/chat", json={"sessionId": sid, **turn}).json())
    upload = client.post("/api/upload-image", headers={"x-session-id": sid}, files={"image": ("a.jpg", jpeg_bytes())})
    conforms(out.UploadOut, upload.json())
    image = client.get(upload.json()["statusUrl"], headers={"x-session-id": sid}).json()
    conforms(out.ImageOut, image)
    opened = client.post("/api/whatsapp-ticket", json={"sessionId": sid}).json()
    conforms(out.TicketOpenedOut, opened)
    conforms(out.ReplyOut, client.post("/api/chat", json={"sessionId": sid, "message": "gracias"}).json())
    link = opened["publicUrl"][opened["publicUrl"].index("/ticket/"):]
    public = client.get("/api" + link).json()
    conforms(out.TicketViewOut, public)
    assert set(public["ticket"]) == set(out.TicketOut.model_fields)
    operator = client.get("/api" + link.split("?")[0], headers=OPERATOR).json()
    assert set(operator["ticket"]) == set(out.OperatorTicketOut.model_fields)
    conforms(out.TicketListOut, client.get("/api/tickets", headers=OPERATOR).json())
    conforms(out.HealthOut, client.get("/api/health").json())
    conforms(out.MetricsOut, client.get("/api/metrics", headers=OPERATOR).json())
    conforms(out.SmartModeOut, client.get("/api/smart-mode", headers=OPERATOR).json())
    conforms(out.SmartModeOut, client.post("/api/smart-mode", headers=OPERATOR, json={"enabled": False}).json())
    conforms(out.MyDataOut, client.get("/api/privacy/my-data", headers={"x-session-id": sid}).json())
    conforms(out.ReplyOut, client.post("/api/reset", json={"sessionId": sid}).json())
    conforms(out.ErasedOut, client.delete("/api/privacy/my-data", headers={"x-session-id": sid}).json())
    conforms(out.AliveOut, client.get("/healthz").json())
    conforms(out.ReadyOut, client.get("/readyz").json())


@pytest.mark.parametrize("model", [out.ReplyOut, out.TicketOpenedOut, out.MyDataOut])
def test_a_documented_body_says_no_other_field_appears(model: type[BaseModel]) -> None:
    assert model.model_json_schema()["additionalProperties"] is False
