"""Play scripted whole conversations through the real API and judge them as a customer would.

A set is a YAML list of conversations (format: tests/data/conversations/README.md). Each turn is a
button value (``BTN_…``) or typed text, with optional expectations: stage, device, problem, name,
act (the dialogue act the bot should have heard), step, topic. The judge reports the figures the
"Conversation v2" issue measures: device and problem right once the steps are shown, typed
follow-ups understood, generic answers, replies repeated word for word, endings nobody asked for,
requests for a person that opened a ticket, shop questions answered, tickets whose labels match.

Run by the tests (tests/unit/test_conversation_sets.py) and by hand:
``.venv/bin/python -m tests.conversation_eval tests/data/conversations/blind_v1.yaml -v``.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from stichat.config import Settings
from stichat.web.app import create_app

#: The dialogue act a label in a set stands for: the `kind` the engine logs for the turn.
ACT_KINDS: dict[str, set[str]] = {
    "solved": {"solved"}, "persists": {"persists"}, "cant_do": {"cant_do", "help"}, "help": {"help", "cant_do"},
    "show_steps": {"show_steps"}, "advanced": {"advanced"}, "technician": {"technician"},
    "question": {"question", "help"}, "shop": {"shop"}, "complaint": {"complaint"},
    "another_problem": {"another_problem", "describe", "rephrase"}, "change_device": {"change_device", "device",
                                                                                      "describe"},
    "thanks": {"thanks"}, "bye": {"close"}, "describe": {"describe", "device", "name"},
    "device": {"device", "describe", "change_device"}, "name": {"name"}, "consent": {"language"}, "refuse": {"refuse"},
}
FOLLOW_UP_STAGES = {"BASIC_TESTS", "ESCALATE", "ADVANCED_TESTS"}
STEP_STAGES = {"BASIC_TESTS", "ADVANCED_TESTS"}
#: Words a shop answer for a topic must contain (from the example shop facts file).
TOPIC_WORDS = {"hours": ("9", "lunes", "monday"), "address": ("rosario",), "prices": ("$", "diagn"),
               "warranty": ("garant", "warrant"), "services": ("repar", "repair", "fix", "servic"),
               "repair_status": ("ticket", "whatsapp", "técnico", "technician")}


class _Kinds(logging.Handler):
    """Collects the dialogue act the chat service logs for each turn."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.kinds: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "chat_turn":
            self.kinds.append(str(getattr(record, "kind", "")))


@dataclass
class Judged:
    """Counts over a set; `misses` says which turn went wrong and how, for a reader to fix."""

    conversations: int = 0
    steps_total: int = 0
    steps_right: int = 0
    follow_total: int = 0
    follow_right: int = 0
    bot_turns: int = 0
    generic: int = 0
    repeated: int = 0
    unasked_endings: int = 0
    tech_total: int = 0
    tech_opened: int = 0
    shop_total: int = 0
    shop_answered: int = 0
    question_total: int = 0
    question_answered: int = 0
    tickets_total: int = 0
    tickets_right: int = 0
    stage_total: int = 0
    stage_right: int = 0
    names_total: int = 0
    names_right: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, right: int, total: int) -> float:
        return right / total if total else 1.0

    def lines(self) -> list[str]:
        r = self.rate
        return [
            f"conversations: {self.conversations}",
            f"device and problem right at the steps: {self.steps_right}/{self.steps_total} "
            f"({r(self.steps_right, self.steps_total):.0%})",
            f"typed follow-ups understood: {self.follow_right}/{self.follow_total} "
            f"({r(self.follow_right, self.follow_total):.0%})",
            f"generic answers: {self.generic}/{self.bot_turns} turns ({r(self.generic, self.bot_turns):.1%})",
            f"replies repeated word for word: {self.repeated}",
            f"endings nobody asked for: {self.unasked_endings}",
            f"requests for a person that opened a ticket: {self.tech_opened}/{self.tech_total}",
            f"shop questions answered: {self.shop_answered}/{self.shop_total}",
            f"questions at the steps answered: {self.question_answered}/{self.question_total}",
            f"tickets whose device and problem match: {self.tickets_right}/{self.tickets_total}",
            f"stages as expected: {self.stage_right}/{self.stage_total} ({r(self.stage_right, self.stage_total):.0%})",
            f"names right: {self.names_right}/{self.names_total}",
        ]


def _accepts(expected: Any, got: Any) -> bool:
    if isinstance(expected, list):
        return got in expected
    return bool(got == expected)


def _device_ok(expected: Any, context: dict[str, Any], stage: str) -> bool:
    if expected == "ask":
        # The bot must not guess: it asks for the device, or first asks what is wrong (a vague message)
        # and keeps the device open for the next question.
        return stage in ("ASK_DEVICE", "ASK_PROBLEM") and context.get("device") is None
    if isinstance(expected, list) and "ask" in expected and stage == "ASK_DEVICE":
        return True
    return _accepts(expected, context.get("device"))


def _generic(reply: str, stage: str, previous_stage: str) -> bool:
    """A reply that answers nothing: the stage's "did you try the steps?" / "say it again" prompt."""
    starts = ("¿Pudiste probar", "Did you manage to try", "No te entendí", "I didn't understand",
              "No llegué a entender", "I couldn't quite work out")
    return stage == previous_stage and reply.startswith(starts)


@contextmanager
def api(data_dir: Path) -> Iterator[TestClient]:
    env = {"APP_ENV": "test", "DATA_DIR": str(data_dir), "LOG_TOKEN": "eval-token-" + "x" * 24,
           "SMART_MODE": "false", "RATE_LIMIT_GREETING": "100000/minute", "RATE_LIMIT_CHAT": "100000/minute",
           "RATE_LIMIT_CHAT_SESSION": "100000/minute", "RATE_LIMIT_TICKET": "100000/hour"}
    with TestClient(create_app(Settings.from_env(env)), raise_server_exceptions=True) as client:
        yield client


def _post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(path, json=body)
    if response.status_code != 200:
        raise AssertionError(f"{path} {body} → {response.status_code} {response.text}")
    answer: dict[str, Any] = response.json()
    return answer


def play(client: TestClient, conversation: dict[str, Any], judged: Judged, kinds: _Kinds) -> None:
    cid, locale = conversation["id"], conversation.get("locale", "es-AR")
    judged.conversations += 1
    last = _post(client, "/api/greeting", {"locale": locale})
    sid, previous_reply, ticket_id = last["sessionId"], last["reply"], None
    steps_judged = False
    for n, turn in enumerate(conversation["turns"], start=1):
        said, expect = str(turn["say"]), turn.get("expect") or {}
        before = last["stage"]
        body = {"sessionId": sid, "action": said} if said.startswith("BTN_") else {"sessionId": sid, "message": said}
        del kinds.kinds[:]
        last = _post(client, "/api/chat", body)
        stage, context, reply = last["stage"], last["context"], last["reply"]
        kind = kinds.kinds[-1] if kinds.kinds else ""
        where = f"{cid}#{n} {said!r} at {before}"
        judged.bot_turns += 1
        if said.startswith("BTN_") is False and _generic(reply, stage, before) and before not in (
                "ASK_CONSENT", "ASK_NAME"):
            judged.generic += 1
            judged.misses.append(f"{where}: generic answer {reply[:60]!r}")
        if reply == previous_reply:
            judged.repeated += 1
            judged.misses.append(f"{where}: same reply twice")
        previous_reply = reply
        if last.get("ticket"):
            ticket_id = last["ticket"]["ticketId"]
        if "stage" in expect:
            judged.stage_total += 1
            if _accepts(expect["stage"], stage):
                judged.stage_right += 1
            else:
                judged.misses.append(f"{where}: stage {stage}, expected {expect['stage']} (kind {kind})")
        if stage == "ENDED" and before != "ENDED" and expect.get("act") not in ("solved", "bye") and (
                not _accepts(expect.get("stage"), "ENDED")):
            judged.unasked_endings += 1
            judged.misses.append(f"{where}: ended though not asked (kind {kind})")
        if "name" in expect:
            judged.names_total += 1
            if context.get("name") == expect["name"]:
                judged.names_right += 1
            else:
                judged.misses.append(f"{where}: name {context.get('name')!r}, expected {expect['name']!r}")
        wanted = expect.get("stage")
        wanted_steps = bool(set(wanted if isinstance(wanted, list) else [wanted]) & STEP_STAGES)
        if "device" in expect and "problem" in expect and not steps_judged and expect["device"] != "ask" and (
                wanted_steps or ("stage" not in expect and stage in STEP_STAGES)):
            steps_judged = True
            judged.steps_total += 1
            ok = _device_ok(expect["device"], context, stage) and _accepts(expect["problem"], context.get("problem"))
            judged.steps_right += ok
            if not ok:
                judged.misses.append(f"{where}: got {context.get('device')}/{context.get('problem')} at {stage}, "
                                     f"expected {expect['device']}/{expect['problem']}")
        acts = expect.get("act")
        acts = acts if isinstance(acts, list) else [acts] if acts else []  # a list: any of them will do
        act = acts[0] if len(acts) == 1 else None
        if acts and before in FOLLOW_UP_STAGES:
            judged.follow_total += 1
            heard = set().union(*(ACT_KINDS.get(a, {a}) for a in acts))
            ok = kind in heard and ("stage" not in expect or _accepts(expect["stage"], stage))
            judged.follow_right += ok
            if not ok:
                judged.misses.append(f"{where}: heard {kind} → {stage}, expected {'/'.join(acts)}")
        if act == "technician" or act == "complaint":
            judged.tech_total += 1
            opened = stage == "TICKET" and bool(last.get("ticket"))
            judged.tech_opened += opened
            if not opened:
                judged.misses.append(f"{where}: asked for a person, no ticket (kind {kind}, stage {stage})")
        if act == "shop":
            judged.shop_total += 1
            words = TOPIC_WORDS.get(str(expect.get("topic")), ())
            answered = kind == "shop" and (not words or any(w in reply.lower() for w in words))
            judged.shop_answered += answered
            if not answered:
                judged.misses.append(f"{where}: shop question {expect.get('topic')} unanswered (kind {kind})")
        if act == "question" and before in FOLLOW_UP_STAGES:
            judged.question_total += 1
            answered = (kind in ("question", "help") and stage == before and not last.get("ticket")) or (
                kind == "question" and stage == before)
            judged.question_answered += answered
            if not answered:
                judged.misses.append(f"{where}: question unanswered (kind {kind}, stage {stage})")
    expected_ticket = conversation.get("ticket")
    if expected_ticket:
        judged.tickets_total += 1
        data = _ticket(client, ticket_id)
        ok = data is not None and all(_accepts(expected_ticket[k], data.get(k)) for k in ("device", "problem")
                                      if k in expected_ticket)
        judged.tickets_right += ok
        if not ok:
            got = (data or {}).get("device"), (data or {}).get("problem")
            judged.misses.append(f"{cid}: ticket {got}, expected {expected_ticket}")


def _ticket(client: TestClient, ticket_id: str | None) -> dict[str, Any] | None:
    if ticket_id is None:
        return None
    settings = client.app.state.services.settings  # type: ignore[attr-defined]
    path = settings.tickets_dir / f"{ticket_id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def judge(conversations: list[dict[str, Any]]) -> Judged:
    judged, kinds = Judged(), _Kinds()
    logger = logging.getLogger("stichat.chat")
    logger.addHandler(kinds)
    try:
        with tempfile.TemporaryDirectory() as tmp, api(Path(tmp)) as client:
            for conversation in conversations:
                play(client, conversation, judged, kinds)
    finally:
        logger.removeHandler(kinds)
    return judged


@dataclass
class MessageFigures:
    total: int = 0
    device_right: int = 0
    problem_right: int = 0
    misses: list[str] = field(default_factory=list)


def judge_messages(messages: list[dict[str, Any]]) -> MessageFigures:
    """First messages alone: typed right after the name, device right-or-asked and problem right."""
    figures = MessageFigures()
    with tempfile.TemporaryDirectory() as tmp, api(Path(tmp)) as client:
        for entry in messages:
            locale = entry.get("locale") or ("en" if entry.get("lang") == "en" else "es-AR")
            sid = _post(client, "/api/greeting", {"locale": locale})["sessionId"]
            language = "BTN_LANG_EN" if locale == "en" else "BTN_LANG_ES_AR"
            _post(client, "/api/chat", {"sessionId": sid, "action": language})
            _post(client, "/api/chat", {"sessionId": sid, "action": "BTN_NO_NAME"})
            last = _post(client, "/api/chat", {"sessionId": sid, "message": entry["text"]})
            context, stage = last["context"], last["stage"]
            expected_device = entry["device"]
            d_ok = _device_ok(expected_device, context, stage) or (
                expected_device is None and context.get("device") is None)
            p_ok = _accepts(entry["problem"], context.get("problem"))
            figures.total += 1
            figures.device_right += d_ok
            figures.problem_right += p_ok
            if not (d_ok and p_ok):
                figures.misses.append(f"{entry['text']!r}: got {context.get('device')}/{context.get('problem')} "
                                      f"at {stage}, expected {expected_device}/{entry['problem']}")
    return figures


def load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: a set is a YAML list")
    return data


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for name in (a for a in argv if a != "-v"):
        path = Path(name)
        entries = load(path)
        print(f"== {path} ({len(entries)} entries)")
        if entries and "turns" in entries[0]:
            judged = judge(entries)
            print("\n".join(judged.lines()))
            misses = judged.misses
        else:
            figures = judge_messages(entries)
            print(f"messages: {figures.total}; device right or asked {figures.device_right}/{figures.total} "
                  f"({figures.device_right / figures.total:.0%}); problem right {figures.problem_right}/"
                  f"{figures.total} ({figures.problem_right / figures.total:.0%})")
            misses = figures.misses
        if verbose:
            print("\n".join(f"  miss: {m}" for m in misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
