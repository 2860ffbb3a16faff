"""`stichat ticket create`: a ticket by hand, the same as the chat makes (id, masking, files, links)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import httpx
from click.testing import CliRunner, Result

from stichat.cli import main
from stichat.domain.tickets import is_ticket_id
from tests.conftest import base_env, start_server


def create(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, ["ticket", "create", *args], env=env)


def test_a_manual_ticket_is_masked_written_in_both_forms_and_linked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = base_env(data, PUBLIC_BASE_URL="https://chat.sti.example")
    result = create(env, "--name", "Lucía", "--device", "notebook", "--problem", "no_power", "--description",
                    "No prende. Mi mail es lucia@example.com y mi tel 341 555-1234", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    ticket_id = out["ticketId"]
    assert is_ticket_id(ticket_id)
    stored = json.loads((data / "tickets" / f"{ticket_id}.json").read_text())
    text = (data / "tickets" / f"{ticket_id}.txt").read_text()
    assert stored["name"] == "Lucía" and stored["device"] == "notebook" and stored["problem"] == "no_power"
    assert "[EMAIL]" in stored["description"] and "lucia@example.com" not in stored["description"] + text
    assert "555-1234" not in stored["description"] and stored["extra"] == {"source": "manual"}
    assert out["publicUrl"].startswith(f"https://chat.sti.example/ticket/{ticket_id}?t=")
    assert out["whatsappUrl"].startswith("https://wa.me/5493417422422?text=")
    message = unquote(out["whatsappUrl"].split("text=", 1)[1])
    assert ticket_id in message and "Soy Lucía" in message and out["publicUrl"] in message
    assert not list((data / "tickets").glob(".*")), "written atomically: no temporary files left"


def test_the_link_it_prints_opens_the_ticket_on_the_running_service(tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = start_server(data, tmp_path / "server.log")
    try:
        result = create(base_env(data, PUBLIC_BASE_URL=server.url), "--device", "router", "--problem",
                        "no_internet", "--description", "Sin internet desde ayer", "--locale", "en")
        assert result.exit_code == 0, result.output
        link = next(line.split(" ", 1)[1] for line in result.output.splitlines() if line.startswith("link: "))
        assert "whatsapp: https://wa.me/" in result.output
        page = httpx.get(link.replace("/ticket/", "/api/ticket/"), timeout=5)
        assert page.status_code == 200, page.text
        assert page.json()["ticket"]["device"] == "router" and page.json()["ticket"]["deviceLabel"]
    finally:
        server.stop()


def test_labels_are_accepted_and_unknown_keys_list_the_valid_ones(tmp_path: Path) -> None:
    env = base_env(tmp_path / "data")
    ok = create(env, "--device", "Notebook", "--problem", "no_power", "--description", "x")
    assert ok.exit_code == 0, ok.output
    bad = create(env, "--device", "toaster", "--problem", "no_power", "--description", "x")
    assert bad.exit_code == 2 and "unknown device 'toaster'" in bad.output and "notebook" in bad.output
    assert not list((tmp_path / "data" / "tickets").glob("*.json"))[1:], "only the good one was written"
