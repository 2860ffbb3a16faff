"""`stichat operator …` and `stichat migrate` as an operator runs them (password twice on stdin)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from stichat.cli import main
from stichat.domain.tickets import Ticket
from tests.conftest import base_env

PASSWORD = "una clave larga 42"


def run(env: dict[str, str], *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


def test_an_operator_is_added_listed_given_a_new_password_and_removed(tmp_path: Path) -> None:
    env = base_env(tmp_path / "data")
    added = run(env, "operator", "add", "Ana", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0 and "operator added: ana" in added.output
    assert run(env, "operator", "add", "ana", stdin=f"{PASSWORD}\n{PASSWORD}\n").exit_code == 2
    assert run(env, "operator", "list").output.startswith("ana\t")
    differ = run(env, "operator", "passwd", "ana", stdin=f"{PASSWORD}\notra clave 1234\n")
    assert differ.exit_code == 2 and "differ" in differ.output
    assert run(env, "operator", "passwd", "ana", stdin="otra clave 1234\notra clave 1234\n").exit_code == 0
    assert run(env, "operator", "passwd", "nadie", stdin="otra clave 1234\notra clave 1234\n").exit_code == 1
    weak = run(env, "operator", "add", "beto", stdin="corta\ncorta\n")
    assert weak.exit_code == 2 and "weak_password" in weak.output
    assert run(env, "operator", "remove", "ana").exit_code == 0
    assert run(env, "operator", "remove", "ana").exit_code == 1
    assert run(env, "operator", "list").output == ""
    for path in (tmp_path / "data").glob("stichat.sqlite3*"):  # the file, its WAL and shared memory
        assert PASSWORD.encode() not in path.read_bytes()


def test_migrate_upgrades_a_data_dir_of_the_file_version_in_place_and_reports_the_import(tmp_path: Path) -> None:
    tickets = tmp_path / "data" / "tickets"
    tickets.mkdir(parents=True)
    for suffix in ("AAAAAA", "BBBBBB"):
        made = Ticket(id=f"TCK-20261207-{suffix}", created_at=1.8e9, session_id="", locale="en", name=None,
                      device="pc", problem="slow", device_label="PC", problem_label="Slow", description="slow")
        (tickets / f"{made.id}.json").write_text(json.dumps(made.to_json()))
        (tickets / f"{made.id}.txt").write_text(made.as_text())
    env = base_env(tmp_path / "data")
    first = run(env, "migrate")
    assert first.exit_code == 0, first.output
    assert "schema: empty -> 0001" in first.output and "ticket files imported: 2" in first.output
    again = json.loads(run(env, "migrate", "--json").output)
    assert again == {"database": "sqlite", "revisionBefore": "0001", "revision": "0001", "ticketsImported": 0}
    assert sorted(p.name for p in tickets.iterdir() if p.suffix in (".json", ".txt")) == [
        "TCK-20261207-AAAAAA.json", "TCK-20261207-AAAAAA.txt", "TCK-20261207-BBBBBB.json", "TCK-20261207-BBBBBB.txt"]


def test_migrate_says_in_one_line_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    env = base_env(tmp_path / "data", DATABASE_URL="postgresql://u:p@127.0.0.1:1/none")
    failed = run(env, "migrate")
    assert failed.exit_code == 1 and failed.output.count("\n") == 1 and "stichat migrate:" in failed.output


def test_a_database_url_of_another_kind_is_a_configuration_error(tmp_path: Path) -> None:
    failed = run(base_env(tmp_path / "data", DATABASE_URL="mysql://u:p@h/db"), "migrate")
    assert failed.exit_code == 2 and "DATABASE_URL" in failed.output
