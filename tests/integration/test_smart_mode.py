"""Smart mode against a real OpenAI-compatible server on loopback: it can only make Tecnos better.

Every fault the stub can inject still gives the customer the rule-based answer, as a 200, within
OPENAI_TIMEOUT + 1 s; the breaker stops calls to a failing model and lets one probe through later;
nothing personal reaches the model; and invented values in its answer are dropped.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import OPERATOR_TOKEN, base_env
from tests.helpers import Chat
from tests.stub_llm import StubLLM

TIMEOUT = 1.0
UNPLACEABLE = "mi aparato hace cosas raras cuando lo enchufo"
UNPLACEABLE_EN = "my gadget does weird things when I plug it in"
AUTH = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
MakeClient = Callable[..., TestClient]


@pytest.fixture
def stub() -> Iterator[StubLLM]:
    with StubLLM(slow_seconds=TIMEOUT + 2) as llm:
        yield llm


def smart_env(stub: StubLLM, **extra: str) -> dict[str, str]:
    return {"SMART_MODE": "true", "OPENAI_BASE_URL": stub.base_url, "OPENAI_TIMEOUT": str(TIMEOUT),
            "OPENAI_MODEL": "stub-model", **extra}


def at_ask_problem(http: Any, locale: str = "es-AR") -> Chat:
    chat = Chat(http, locale)
    chat.press("BTN_LANG_ES_AR" if locale == "es-AR" else "BTN_LANG_EN")
    chat.press("BTN_NO_NAME")
    return chat


def timed_say(chat: Chat, text: str) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    body = chat.say(text)
    return body, time.monotonic() - started


def metric(client: TestClient, name: str) -> float:
    text = client.get("/metrics").text
    match = re.search(rf"^{re.escape(name)} ([0-9.e+-]+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


@pytest.fixture(scope="module")
def rule_based_reply(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What Tecnos answers UNPLACEABLE without any LLM: the fallback every fault must produce."""
    from stichat.config import Settings
    from stichat.web.app import create_app
    settings = Settings.from_env(base_env(tmp_path_factory.mktemp("rules") / "data"))
    with TestClient(create_app(settings)) as client:
        return at_ask_problem(client).say(UNPLACEABLE)


def test_a_message_the_rules_cannot_place_is_understood_through_the_llm(make_client: MakeClient,
                                                                        stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    body = at_ask_problem(client).say(UNPLACEABLE)
    assert body["reply"].startswith("Por lo que me contás, entiendo que tu notebook tiene este problema: no enciende.")
    assert body["stage"] == "BASIC_TESTS"
    assert body["context"]["device"] == "notebook" and body["context"]["problem"] == "no_power"
    assert stub.calls() == 1
    sent = stub.requests[0]
    assert sent["model"] == "stub-model" and sent["response_format"] == {"type": "json_object"}
    system, user = sent["messages"][0]["content"], sent["messages"][1]["content"]
    assert "Tecnos" in system and "no_power" in system and "voseo" in system
    data = json.loads(user.removeprefix("<data>\n").removesuffix("\n</data>"))
    assert data["customer_message"] == UNPLACEABLE
    assert metric(client, "stichat_openai_requests_total") == 1


def test_an_english_conversation_hears_it_in_english(make_client: MakeClient, stub: StubLLM) -> None:
    stub.answer({"intent": None, "device": "printer", "problem": "other", "sentiment": "negative",
                 "needs_human": False})
    body = at_ask_problem(make_client(**smart_env(stub)), "en").say(UNPLACEABLE_EN)
    assert body["reply"].startswith("From what you describe, I understand it's about your printer.")
    assert body["context"]["device"] == "printer"
    assert "English" in stub.requests[0]["messages"][0]["content"]


FAULT_REASONS = {"hang": "timeout", "slow": "timeout", "500": "http_5xx", "429": "rate_limited",
                 "reset": "connection", "non_json": "invalid_json", "schema": "schema", "refusal": "refusal"}


@pytest.mark.parametrize("fault", list(FAULT_REASONS))
def test_every_llm_fault_gives_the_rule_based_answer_in_time(fault: str, make_client: MakeClient, stub: StubLLM,
                                                             rule_based_reply: dict[str, Any]) -> None:
    stub.fault(fault)
    client = make_client(**smart_env(stub))
    body, elapsed = timed_say(at_ask_problem(client), UNPLACEABLE)
    assert elapsed < TIMEOUT + 1, f"{fault}: {elapsed:.2f}s"
    assert (body["reply"], body["stage"], body["buttons"]) == (
        rule_based_reply["reply"], rule_based_reply["stage"], rule_based_reply["buttons"])
    assert stub.calls() == 1
    reason = FAULT_REASONS[fault]
    assert metric(client, f'stichat_openai_failures_total{{reason="{reason}"}}') == 1
    assert client.get("/api/metrics", headers=AUTH).json()["openai"]["failures"] == 1


def test_invented_values_are_dropped_and_the_rules_answer(make_client: MakeClient, stub: StubLLM,
                                                          rule_based_reply: dict[str, Any]) -> None:
    stub.answer({"intent": "transfer_money", "device": "toaster", "problem": "BTN_CONNECT_TECH",
                 "sentiment": "ecstatic", "needs_human": False})
    body = at_ask_problem(make_client(**smart_env(stub))).say(UNPLACEABLE)
    assert stub.calls() == 1
    assert (body["reply"], body["buttons"]) == (rule_based_reply["reply"], rule_based_reply["buttons"])


def test_the_model_is_never_asked_before_consent(make_client: MakeClient, stub: StubLLM) -> None:
    chat = Chat(make_client(**smart_env(stub)))
    body = chat.say(UNPLACEABLE)
    assert body["stage"] == "ASK_CONSENT" and stub.calls() == 0


def test_the_breaker_opens_stops_calls_and_a_probe_closes_it(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub, OPENAI_BREAKER_MIN_CALLS="3", OPENAI_BREAKER_FAILURE_RATE="0.5",
                                     OPENAI_BREAKER_OPEN_SECONDS="1"))
    stub.fault("500")
    chat = at_ask_problem(client)
    for _ in range(3):
        chat.say(UNPLACEABLE)
    assert stub.calls() == 3
    assert client.get("/api/metrics", headers=AUTH).json()["openai"]["circuitState"] == "open"
    assert metric(client, "stichat_openai_circuit_state") == 2
    assert client.get("/api/health").json()["smart"]["circuitState"] == "open"

    for _ in range(3):  # open: answered by the rules at once, the model is not called
        _, elapsed = timed_say(chat, UNPLACEABLE)
        assert elapsed < 0.5
    assert stub.calls() == 3

    stub.healthy()
    time.sleep(1.1)
    assert client.get("/api/metrics", headers=AUTH).json()["openai"]["circuitState"] == "half_open"
    body = chat.say("se apaga cuando lo enchufo, hace ruidos")  # the probe
    assert stub.calls() == 4
    assert body["context"]["device"] == "notebook"  # the model's reading was used
    assert client.get("/api/metrics", headers=AUTH).json()["openai"]["circuitState"] == "closed"
    assert metric(client, "stichat_openai_circuit_state") == 0


def test_no_personal_data_reaches_the_model(make_client: MakeClient, stub: StubLLM) -> None:
    stub.fault("schema")  # the rules answer, so the conversation keeps describing
    client = make_client(**smart_env(stub))
    secrets = {
        "e-mail": "juan.perez@gmail.com", "phone": "+54 9 341 555-1234", "dni": "30.123.456",
        "cuit": "20-12345678-6", "card": "4111 1111 1111 1111", "cbu": "0170099220000067797370",
        "landline": "0341-4567890",
    }
    at_ask_problem(client).say(f"mi aparato hace cosas raras, escribime a {secrets['e-mail']} o al "
                               f"{secrets['phone']}")
    at_ask_problem(client).say(f"mi DNI {secrets['dni']} y CUIT {secrets['cuit']}, la cosa hace ruidos raros")
    chat = at_ask_problem(client)
    chat.say(f"pagué con la tarjeta {secrets['card']} y el CBU {secrets['cbu']}, y el aparato hace cosas raras")
    chat.say(f"llamame al {secrets['landline']}, sigue haciendo cosas raras")  # sent with the earlier text
    assert stub.calls() == 4
    sent = stub.prompts()
    digits_sent = re.sub(r"\D", "", sent)
    for kind, value in secrets.items():
        assert value not in sent, kind
        if kind != "e-mail":
            assert re.sub(r"\D", "", value) not in digits_sent, kind
    for token in ("[EMAIL]", "[PHONE]", "[DNI]", "[CUIT]", "[CARD]", "[CBU]"):
        assert token in sent, token


def test_the_operator_switch_stops_and_resumes_calls(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    assert client.get("/api/smart-mode").status_code == 401
    assert client.post("/api/smart-mode", json={"enabled": False}).status_code == 401
    status = client.get("/api/smart-mode", headers=AUTH).json()
    assert status == {"ok": True, "enabled": True, "configured": True, "active": True, "circuitState": "closed"}

    off = client.post("/api/smart-mode", json={"enabled": False}, headers=AUTH).json()
    assert off["enabled"] is False and off["active"] is False
    chat = at_ask_problem(client)
    chat.say(UNPLACEABLE)
    assert stub.calls() == 0

    client.post("/api/smart-mode", json={"enabled": True}, headers=AUTH)
    assert at_ask_problem(client).say(UNPLACEABLE)["reply"].startswith("Por lo que me contás")
    assert stub.calls() == 1
    assert client.post("/api/smart-mode", json={"enabled": "yes"}, headers=AUTH).status_code == 422


def test_smart_mode_false_at_start_never_calls_the_model(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub, SMART_MODE="false"))
    client.post("/api/smart-mode", json={"enabled": True}, headers=AUTH)
    at_ask_problem(client).say(UNPLACEABLE)
    assert stub.calls() == 0
    assert client.get("/api/smart-mode", headers=AUTH).json()["active"] is False


def test_the_cli_reads_and_flips_the_switch_that_the_service_reads(make_client: MakeClient, stub: StubLLM,
                                                                   tmp_path: Path) -> None:
    from click.testing import CliRunner

    from stichat.cli import main

    env = {**base_env(tmp_path / "cli"), **smart_env(stub)}
    runner = CliRunner()
    assert "smart-mode switch: on" in runner.invoke(main, ["smart-mode", "status"], env=env).output
    off = runner.invoke(main, ["smart-mode", "off"], env=env)
    assert off.exit_code == 0 and "smart-mode switch: off" in off.output and "LLM calls: none" in off.output
    assert json.loads((tmp_path / "cli" / "smart-mode.json").read_text())["enabled"] is False
    client = make_client(**smart_env(stub), DATA_DIR=str(tmp_path / "cli"))
    at_ask_problem(client).say(UNPLACEABLE)
    assert stub.calls() == 0
    on = runner.invoke(main, ["smart-mode", "on"], env=env)
    assert "smart-mode switch: on" in on.output and "LLM calls: allowed" in on.output
    assert runner.invoke(main, ["smart-mode", "--help"]).exit_code == 0


def test_with_redis_every_replica_reads_the_switch_from_one_key(tmp_path: Path) -> None:
    import asyncio

    from stichat.adapters.redis_client import connect
    from stichat.adapters.redis_smart_switch import KEY, RedisSmartSwitch
    from tests.redis_server import running_redis

    with running_redis(tmp_path / "redis") as redis_server:
        async def scenario() -> list[bool]:
            clock = [0.0]
            one = RedisSmartSwitch(connect(redis_server.url(), timeout_ms=500), clock=lambda: clock[0])
            two = RedisSmartSwitch(connect(redis_server.url(), timeout_ms=500), clock=lambda: clock[0])
            seen = [await two.enabled()]            # never switched: on
            await one.set(False)
            seen.append(await two.enabled())        # cached for up to a second
            clock[0] += 1.0
            seen.append(await two.enabled())        # then off
            await two.set(True)
            clock[0] += 1.0
            seen.append(await one.enabled())
            return seen

        assert asyncio.run(scenario()) == [True, True, False, True]
        assert json.loads(redis_server.client().get(KEY))["enabled"] is True
        redis_server.stop()

        async def unreachable() -> bool:
            return await RedisSmartSwitch(connect(redis_server.url(), timeout_ms=200)).enabled()

        assert asyncio.run(unreachable()) is False  # fails safe: the rules answer


def test_a_question_typed_about_a_step_gets_a_smart_explanation_after_the_shops_help(
        make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    chat.say("mi notebook no prende")
    assert chat.last["stage"] == "BASIC_TESTS"
    calls = stub.calls()
    stub.answer({"explanation": "El botón suele estar arriba a la derecha del teclado; escribime a ana@example.com"})
    body = chat.say("no sé hacer el paso 2, ¿dónde está el botón?")
    assert body["reply"].startswith("**Paso 2:**")
    assert "💡 El botón suele estar arriba" in body["reply"]
    assert "ana@example.com" not in body["reply"] and "[EMAIL]" in body["reply"]
    assert stub.calls() == calls + 1
    prompt = json.dumps(stub.requests[-1], ensure_ascii=False)
    assert "dónde está el botón" in prompt


def test_a_failing_model_leaves_the_shops_help_alone(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    chat.say("mi notebook no prende")
    stub.fault("500")
    body = chat.say("no entiendo el paso 1")
    assert body["reply"].startswith("**Paso 1:**") and "💡" not in body["reply"]


def test_pressing_a_help_button_asks_no_model(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    chat.say("mi notebook no prende")
    calls = stub.calls()
    chat.press("BTN_HELP_1")
    assert stub.calls() == calls


def wait_done(client: TestClient, chat: Chat, image_id: str) -> dict[str, Any]:
    for _ in range(100):
        status = client.get(f"/api/upload-image/{image_id}", headers={"x-session-id": chat.session_id}).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    raise AssertionError("the image job did not finish")


def test_a_photo_is_read_by_the_vision_model_and_the_next_reply_uses_it(make_client: MakeClient,
                                                                       stub: StubLLM) -> None:
    from tests.helpers import jpeg_bytes

    client = make_client(**smart_env(stub, OPENAI_VISION_MODEL="stub-vision"))
    chat = at_ask_problem(client)
    stub.answer({"device": "notebook", "problem": "blue_screen", "text_seen": "Your PC ran into a problem",
                 "error_code": "CRITICAL_PROCESS_DIED", "suggestion": "Anotá el código y reiniciá; mail a x@y.com"})
    upload = client.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                         files={"image": ("bsod.jpg", jpeg_bytes(640, 480), "image/jpeg")})
    assert upload.status_code == 200, upload.text
    status = wait_done(client, chat, upload.json()["imageId"])
    analysis = status["analysis"]
    assert analysis["device"] == "notebook" and analysis["problem"] == "blue_screen"
    assert analysis["errorCode"] == "CRITICAL_PROCESS_DIED"
    assert "x@y.com" not in json.dumps(analysis) and "[EMAIL]" in analysis["suggestion"]
    assert analysis["summary"].startswith("Veo tu notebook")
    vision = stub.requests[-1]
    assert vision["model"] == "stub-vision"
    parts = vision["messages"][1]["content"]
    assert any(p.get("type") == "image_url" and p["image_url"]["url"].startswith("data:image/jpeg;base64,")
               for p in parts)

    calls = stub.calls()
    body = chat.say("mirá la foto que te mandé")
    assert body["stage"] == "BASIC_TESTS"
    assert body["context"]["device"] == "notebook" and body["context"]["problem"] == "blue_screen"
    assert body["reply"].startswith("Por la foto que mandaste, entiendo que tu notebook tiene este problema")
    # The photo's reading was enough: the only call is for extra steps (blue screens have generic ones).
    assert stub.calls() == calls + 1
    assert "Suggest up to three more checks" in stub.requests[-1]["messages"][0]["content"]


def test_a_failing_vision_model_still_keeps_the_photo(make_client: MakeClient, stub: StubLLM) -> None:
    from tests.helpers import jpeg_bytes

    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    stub.fault("500")
    upload = client.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                         files={"image": ("a.jpg", jpeg_bytes(), "image/jpeg")})
    status = wait_done(client, chat, upload.json()["imageId"])
    assert status["status"] == "done" and "analysis" not in status
    photo = client.get(f"/api/upload-image/{status['imageId']}/file", headers={"x-session-id": chat.session_id})
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"


def test_a_pair_with_only_generic_steps_gets_safe_model_suggestions(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    stub.answer({"steps": ["Probá con otro cable HDMI", "Formateá el disco", "Abrí la tapa y limpiá el ventilador",
                           "Fijate si el volumen de la tele no está en cero"]})
    body = chat.say("la tele no tiene sonido")
    assert body["stage"] == "BASIC_TESTS" and body["context"]["device"] == "tv"
    assert "💡 Para tu caso, además podés probar:" in body["reply"]
    assert "• Probá con otro cable HDMI" in body["reply"] and "volumen de la tele" in body["reply"]
    assert "Formateá" not in body["reply"] and "Abrí la tapa" not in body["reply"]
    assert [s["n"] for s in body["steps"]] == [1, 2, 3]  # the numbered steps stay the shop's own


def test_a_pair_with_its_own_steps_asks_no_model_for_more(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    calls = stub.calls()
    body = chat.say("mi notebook no prende")
    assert body["stage"] == "BASIC_TESTS" and "💡" not in body["reply"]
    assert stub.calls() == calls


def test_a_hanging_model_still_answers_the_turn_within_the_deadline(make_client: MakeClient, stub: StubLLM) -> None:
    client = make_client(**smart_env(stub))
    chat = at_ask_problem(client)
    stub.fault("hang")
    body, elapsed = timed_say(chat, "la tele no tiene sonido")
    assert body["stage"] == "BASIC_TESTS" and "💡" not in body["reply"]
    assert elapsed < TIMEOUT + 1
