"""The console's pure rules: statuses, names, passwords, search terms; and the password hashes."""

from __future__ import annotations

import pytest

from stichat.domain.desk import (
    check_operator_name,
    check_password,
    check_status,
    desk_status,
    file_status,
    search_term,
    status_label,
)
from stichat.domain.errors import InvalidOperatorName, InvalidStatus, WeakPassword
from stichat.services.passwords import hash_password, verify_password


def test_a_ticket_file_that_says_open_is_new_on_the_console_and_back() -> None:
    assert desk_status("open") == "new" and desk_status(None) == "new" and desk_status("closed") == "closed"
    assert file_status("new") == "open" and file_status("in_progress") == "in_progress"


def test_statuses_are_the_four_of_the_contract_shown_in_each_language() -> None:
    assert check_status("waiting_customer") == "waiting_customer"
    for bad in ("open", "", None, 3, "CLOSED"):
        with pytest.raises(InvalidStatus):
            check_status(bad)
    assert status_label("waiting_customer", "es-AR") == "Esperando al cliente"
    assert status_label("closed", "en") == "Closed"
    assert status_label("new", "fr") == "Nuevo"


def test_operator_names_are_short_lower_case_words() -> None:
    assert check_operator_name("  Ana.Lopez ") == "ana.lopez"
    for bad in ("a", "ana lopez", "-ana", "x" * 40, "ana<script>"):
        with pytest.raises(InvalidOperatorName):
            check_operator_name(bad)


def test_passwords_must_be_long_and_not_repetitive() -> None:
    assert check_password("correct horse battery") == "correct horse battery"
    for bad in ("short", "a" * 20, "ababababababab", "x" * 300):
        with pytest.raises(WeakPassword):
            check_password(bad)


def test_a_search_keeps_only_what_a_ticket_id_may_hold() -> None:
    assert search_term(" tck-2026%_' ") == "TCK-2026"
    assert len(search_term("A" * 50)) == 19


def test_a_password_hash_is_scrypt_salted_and_checks_only_the_right_password() -> None:
    one, two = hash_password("correct horse battery", n=2**10), hash_password("correct horse battery", n=2**10)
    assert one.startswith("scrypt$1024$8$1$") and one != two
    assert verify_password("correct horse battery", one)
    assert not verify_password("correct horse batterY", one)
    assert not verify_password("x", "not-a-hash") and not verify_password("x", "bcrypt$1$2$3$4$5")
    assert not verify_password("x", "scrypt$nan$8$1$AAAA$AAAA")
