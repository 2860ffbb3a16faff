"""Locust users for `make load`: customers holding whole conversations, some sending a photo.

Each user holds one conversation at a time from greeting to its end (solved, ticket or closed),
choosing each turn from the stage and buttons of the last reply as a customer would, then starts
another. Every conversation comes from its own address (X-Forwarded-For; the service trusts the
load generator as its proxy), so the production per-address and per-session limits apply as they
would to real customers. Turns are paced by `LOAD_USER_RPS` (requests per second per user).

Environment: LOAD_HOSTS (comma-separated base URLs; each request goes to one of them at random, as
a load balancer without affinity would send it), LOAD_USER_RPS, LOAD_PHOTOS (the share of conversations
that send one photo and poll its status until it is processed: 0.5 in scenario B), LOAD_PENDING_FILE (where
the photos still unprocessed at the end are listed, for the drain check).
"""

from __future__ import annotations

import io
import itertools
import json
import os
import random
from typing import Any

from locust import HttpUser, constant_throughput, events, task
from PIL import Image, ImageDraw

HOSTS = [h for h in os.environ.get("LOAD_HOSTS", "").split(",") if h]
USER_RPS = float(os.environ.get("LOAD_USER_RPS", "0.2"))
PHOTO_SHARE = float(os.environ.get("LOAD_PHOTOS", "0"))
PENDING_FILE = os.environ.get("LOAD_PENDING_FILE", "")
MAX_TURNS = 14

PROBLEMS = {
    "es-AR": ["mi notebook no prende", "la impresora no imprime nada", "se me corta el wifi a cada rato",
              "la pc anda re lenta", "el celular no carga", "no me anda internet, el router tiene una luz roja",
              "mi compu hace un ruido raro y se apaga", "no puedo entrar a mi cuenta de mail"],
    "en": ["my laptop won't turn on", "the printer doesn't print", "wifi keeps dropping",
           "my pc is very slow", "my phone won't charge", "no internet, the router has a red light"],
}
NAMES = ["Lucía", "Martín", "Sofía", "Juan", "Valentina", "Diego"]
HELP = {"es-AR": "no sé hacer el paso {n}", "en": "how do I do step {n}?"}
_addresses = itertools.count(1)
_pending: dict[str, str] = {}  # image id -> session id, for the photos not yet seen processed


def _photo() -> bytes:
    image = Image.new("RGB", (1280, 960), (30, 30, 40))
    draw = ImageDraw.Draw(image)
    for n in range(40):
        draw.rectangle((n * 31 % 1200, n * 17 % 900, n * 31 % 1200 + 80, n * 17 % 900 + 60),
                       fill=(n * 6 % 255, 120, 255 - n * 5 % 255))
    draw.text((40, 40), "Error 0x0000007B INACCESSIBLE_BOOT_DEVICE", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


PHOTO = _photo()


def _why(response: Any) -> str:
    if response.status_code == 0:  # no answer: the connection failed or timed out
        return f"no answer: {response.error!r}"[:160]
    return f"{response.status_code} {response.text[:120]}"


def _address() -> str:
    n = next(_addresses)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255 or 1}"


class Customer(HttpUser):
    wait_time = constant_throughput(USER_RPS)
    host = HOSTS[0] if HOSTS else None

    def on_start(self) -> None:
        self.session_id = ""
        self.reply: dict[str, Any] = {}

    def _url(self, path: str) -> str:
        return f"{random.choice(HOSTS) if HOSTS else ''}{path}"

    def _post(self, path: str, body: dict[str, Any], name: str) -> dict[str, Any] | None:
        with self.client.post(self._url(path), json=body, headers={"x-forwarded-for": self.address},
                              name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(_why(response))
                return None
            answer: dict[str, Any] = response.json()
            return answer

    def _start(self) -> None:
        self.address, self.turns = _address(), 0
        self.locale = random.choice(["es-AR", "es-AR", "es-AR", "en"])
        self.photo_sent, self.photo_id, self.asked_help = False, "", False
        self.wants_photo = random.random() < PHOTO_SHARE
        answer = self._post("/api/greeting", {"locale": self.locale}, "/api/greeting")
        self.reply = answer or {}
        self.session_id = self.reply.get("sessionId", "")

    @task
    def next_step(self) -> None:
        """One request: the next turn of the conversation, a photo, or a look at the photo's status."""
        if not self.session_id or self.turns >= MAX_TURNS or self.reply.get("stage") in ("TICKET", "ENDED", "CLOSED"):
            self._start()
            return
        if self.photo_id:
            self._poll_photo()
            return
        stage = self.reply.get("stage", "")
        if self.wants_photo and not self.photo_sent and stage in ("ASK_PROBLEM", "BASIC_TESTS"):
            self._send_photo()
            return
        body = self._turn(stage, [b["value"] for b in self.reply.get("buttons", [])])
        self.turns += 1
        answer = self._post("/api/chat", {"sessionId": self.session_id, **body}, "/api/chat")
        self.reply = answer if answer is not None else {}

    def _turn(self, stage: str, buttons: list[str]) -> dict[str, str]:
        """What a customer does next at this stage, given the buttons on screen."""
        def press(*wanted: str) -> dict[str, str]:
            for value in wanted:
                if value in buttons:
                    return {"action": value}
            return {"action": buttons[0]} if buttons else {"message": "hola"}

        if stage == "ASK_CONSENT":
            return press("BTN_LANG_EN" if self.locale == "en" else "BTN_LANG_ES_AR")
        if stage == "ASK_NAME":
            return {"message": random.choice(NAMES)} if random.random() < 0.8 else press("BTN_NO_NAME")
        if stage == "ASK_PROBLEM":
            return {"message": random.choice(PROBLEMS["en" if self.locale == "en" else "es-AR"])}
        if stage == "ASK_DEVICE":
            return press(*[b for b in buttons if b.startswith("BTN_DEV_")])
        if stage in ("BASIC_TESTS", "ADVANCED_TESTS"):
            if not self.asked_help:
                self.asked_help = True
                return {"message": HELP["en" if self.locale == "en" else "es-AR"].format(n=random.randint(1, 2))}
            return press("BTN_SOLVED") if random.random() < 0.35 else press("BTN_PERSIST")
        if stage == "ESCALATE":
            self.asked_help = False
            return press("BTN_ADVANCED_TESTS") if random.random() < 0.6 else press("BTN_CONNECT_TECH")
        return press("BTN_CONNECT_TECH", "BTN_CLOSE")

    def _send_photo(self) -> None:
        self.photo_sent = True
        with self.client.post(self._url("/api/upload-image"), files={"image": ("foto.jpg", PHOTO, "image/jpeg")},
                              headers={"x-session-id": self.session_id, "x-forwarded-for": self.address},
                              name="/api/upload-image", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(_why(response))
                return
            self.photo_id = response.json()["imageId"]
            _pending[self.photo_id] = self.session_id

    def _poll_photo(self) -> None:
        with self.client.get(self._url(f"/api/upload-image/{self.photo_id}"),
                             headers={"x-session-id": self.session_id, "x-forwarded-for": self.address},
                             name="/api/upload-image/[id]", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(_why(response))
                self.photo_id = ""
                return
            status = response.json().get("status")
            if status == "failed":
                response.failure("image job failed")
            if status in ("done", "failed"):
                _pending.pop(self.photo_id, None)
                self.photo_id = ""


@events.quitting.add_listener
def _write_pending(environment: Any, **_: Any) -> None:
    """The photos still unprocessed when the load stopped: the drain check waits for them."""
    if PENDING_FILE:
        with open(PENDING_FILE, "w", encoding="utf-8") as handle:
            json.dump([{"imageId": i, "sessionId": s} for i, s in _pending.items()], handle)
