"""The operator console in Debian's Chromium against a real `stichat serve`: a technician's day.

Sign in (a wrong password first), find the ticket a customer opened through the chat, read what they
said (an XSS attempt shown as text) and see their photo, change the status and write a note that
survive a reload and name their author, be refused a change another operator made first, and check
that a stranger sees nothing; axe-core finds no serious or critical violation. Screenshots go to
docs/img/ for docs/console.md.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer, base_env, start_server
from tests.e2e.widget_conftest import REPO, chromium, ensure_axe  # noqa: F401 - fixtures
from tests.helpers import Chat, jpeg_bytes

pytestmark = pytest.mark.browser
PASSWORD = "una clave larga 42"
XSS = '<img src=x onerror="window.__pwned=1"> mi notebook no prende'
SHOTS = REPO / "docs" / "img"


def add_operator(data_dir: Path, name: str) -> None:
    result = subprocess.run([sys.executable, "-m", "stichat", "operator", "add", name],
                            input=f"{PASSWORD}\n{PASSWORD}\n", text=True, capture_output=True, timeout=60,
                            env={**base_env(data_dir), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("console")
    live = start_server(tmp / "data", tmp / "server.log")
    try:
        for name in ("ana", "beto"):
            add_operator(tmp / "data", name)
        yield live
    finally:
        live.stop()


def customer_ticket(base: str) -> str:
    """A customer describes the problem with markup in it, sends a photo and asks for a technician."""
    with httpx.Client(base_url=base, timeout=15) as http:
        chat = Chat(http)
        chat.press("BTN_LANG_ES_AR")
        chat.say("Lucía")
        chat.say(XSS)
        sent = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                         files={"image": ("foto.jpg", jpeg_bytes(640, 480), "image/jpeg")}).json()
        for _ in range(200):  # the embedded worker processes it; bounded by count, not by a clock
            status = http.get(f"/api/upload-image/{sent['imageId']}", headers={"x-session-id": chat.session_id})
            if status.json()["status"] == "done":
                break
            http.get("/healthz")
        made = http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
        return str(made["ticketId"])


def sign_in(page: Any, base: str, name: str, password: str = PASSWORD) -> None:
    page.goto(base + "/console")
    page.get_by_label("Usuario").fill(name)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Ingresar").click()


def no_serious_violations(page: Any, state: str) -> None:
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(ensure_axe()))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert not bad, f"axe ({state}):\n" + "\n".join(bad)


def test_a_technicians_day_in_the_console(server: LiveServer, chromium: Any) -> None:  # noqa: F811
    from playwright.sync_api import expect

    ticket_id = customer_ticket(server.url)
    ana = chromium.new_context(locale="es-AR", extra_http_headers={"Accept-Language": "es-AR"}, bypass_csp=True)
    page = ana.new_page()
    sign_in(page, server.url, "ana", "no es esta")
    expect(page.get_by_role("alert")).to_contain_text("El usuario o la contraseña no son correctos.")
    no_serious_violations(page, "sign-in")
    sign_in(page, server.url, "ana")
    row = page.get_by_role("row").filter(has_text=ticket_id)
    expect(row).to_contain_text("Nuevo")
    expect(row).to_contain_text("Lucía")
    page.screenshot(path=str(SHOTS / "console-queue.png"), full_page=True)
    no_serious_violations(page, "queue")

    row.get_by_role("link", name=ticket_id).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(ticket_id)
    expect(page.locator(".transcript")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    assert page.evaluate("() => window.__pwned") is None, "the customer's markup stayed text"
    photo = page.get_by_role("img", name="Foto 1 que mandó el cliente (tocá para agrandarla)")
    expect(photo).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", photo.element_handle()) > 0
    assert page.get_by_role("link", name="Responder por WhatsApp").get_attribute("href").startswith(
        "https://wa.me/?text=")
    no_serious_violations(page, "ticket")

    # Beto opens the same ticket now; Ana changes it first, so Beto's change must be refused.
    beto = chromium.new_context(locale="es-AR", extra_http_headers={"Accept-Language": "es-AR"})
    other = beto.new_page()
    sign_in(other, server.url, "beto")
    other.goto(f"{server.url}/console/tickets/{ticket_id}")

    page.get_by_label("Estado", exact=True).select_option("in_progress")
    page.get_by_role("button", name="Guardar estado").click()
    expect(page.get_by_role("status").first).to_contain_text("Estado guardado.")
    page.get_by_label("Nueva nota (solo la ve el equipo)").fill("Le pedí que pruebe con otro cargador.")
    page.get_by_role("button", name="Agregar nota").click()
    # Wait for the post's redirect to land before reloading, or the reload races the navigation.
    expect(page.get_by_role("status").first).to_contain_text("Nota agregada.")
    page.reload()
    expect(page.locator(".fields")).to_contain_text("En curso")
    expect(page.locator(".notes")).to_contain_text("Le pedí que pruebe con otro cargador.")
    expect(page.locator(".notes")).to_contain_text("ana")
    expect(page.locator(".audit")).to_contain_text("ana cambió el estado")
    page.screenshot(path=str(SHOTS / "console-ticket.png"), full_page=True)

    other.get_by_label("Estado", exact=True).select_option("closed")
    other.get_by_role("button", name="Guardar estado").click()
    expect(other.get_by_role("alert")).to_contain_text("Otra persona cambió este ticket mientras lo mirabas (ana)")
    page.reload()
    expect(page.locator(".fields")).to_contain_text("En curso")

    page.goto(server.url + "/console/overview")
    expect(page.get_by_role("heading", name="Últimas 24 horas")).to_be_visible()
    no_serious_violations(page, "overview")
    page.screenshot(path=str(SHOTS / "console-overview.png"), full_page=True)
    ana.close()
    beto.close()


def test_a_stranger_sees_nothing_of_the_tickets(server: LiveServer, chromium: Any) -> None:  # noqa: F811
    ticket_id = customer_ticket(server.url)
    stranger = chromium.new_context()
    page = stranger.new_page()
    response = page.goto(f"{server.url}/console/tickets/{ticket_id}")
    assert response is not None and response.status == 401
    assert ticket_id not in page.content() and "Lucía" not in page.content()
    page.goto(server.url + "/console")
    assert ticket_id not in page.content()
    for path in ("/api/tickets", "/api/logs/stream", f"/api/ticket/{ticket_id}"):
        assert httpx.get(server.url + path, timeout=10).status_code in (401, 404), path
    stranger.close()
