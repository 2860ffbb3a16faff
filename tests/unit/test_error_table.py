"""Errors are named by what happened in the domain and answered over HTTP by one table in web/."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from stichat.domain import errors
from stichat.domain.errors import ChatError, StiChatError
from stichat.ops.backup import BackupError
from stichat.ops.ports import ArchiveStoreError, MailError, PrometheusError
from stichat.web.errors import ANSWERS, MESSAGES, answer_for, retry_after

DOMAIN = Path(__file__).resolve().parents[2] / "src" / "stichat" / "domain"


def every_subclass(root: type[StiChatError]) -> set[type[StiChatError]]:
    found: set[type[StiChatError]] = set()
    todo = [root]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__ == errors.__name__ and sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_no_http_status_is_written_anywhere_in_the_domain() -> None:
    for path in DOMAIN.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and type(node.value) is int:
                assert not 400 <= node.value < 600, f"{path.name}:{node.lineno} has {node.value}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(m.split(".")[0] == "http" for m in modules), f"{path.name} imports http"


def test_no_error_of_the_tree_carries_a_status_or_a_wire_code() -> None:
    for kind in every_subclass(StiChatError) | {ChatError}:
        assert not {"status", "code"} & set(vars(kind)), kind.__name__


def test_the_table_answers_every_error_a_client_can_see_and_nothing_else() -> None:
    assert set(ANSWERS) == every_subclass(ChatError) | {ChatError}


def test_every_answer_is_a_client_error_or_a_503_with_a_snake_case_code() -> None:
    for kind, (status, code) in ANSWERS.items():
        assert 400 <= status < 500 or status == 503, kind.__name__
        assert code.isascii() and code == code.lower() and " " not in code, kind.__name__


def test_an_error_is_answered_by_its_own_entry_or_its_nearest_category() -> None:
    class NewKindOfMissing(errors.NotFound):
        pass

    assert answer_for(errors.SessionNotFound()) == (404, "session_not_found")
    assert answer_for(NewKindOfMissing()) == (404, "not_found")


def test_limits_always_say_when_to_try_again_and_other_errors_never_do() -> None:
    assert retry_after(errors.RateLimitExceeded(), 429) == 60
    assert retry_after(errors.TooManyImages(retry_after=3600), 429) == 3600
    assert retry_after(errors.SessionBusy(retry_after=1), 503) == 1
    assert retry_after(errors.CsrfFailed(retry_after=5), 403) is None


def test_most_codes_have_a_sentence_in_both_languages() -> None:
    """Codes without their own sentence get the generic one; these are the ones the console or the
    command line words itself."""
    worded_elsewhere = {"empty_note", "note_too_long", "invalid_status", "invalid_operator_name", "weak_password",
                        "operator_exists", "sign_in_failed", "console_signed_out", "ticket_changed",
                        "too_many_sign_ins", "ticket_id_exhausted"}
    assert {code for _, code in ANSWERS.values()} - set(MESSAGES) == worded_elsewhere


def test_the_tree_drawn_in_the_docstring_names_every_error() -> None:
    drawn = inspect.getdoc(errors) or ""
    for kind in every_subclass(StiChatError):
        assert kind.__name__ in drawn, kind.__name__


def test_the_operations_errors_belong_to_the_one_tree() -> None:
    for kind in (BackupError, PrometheusError, ArchiveStoreError, MailError):
        assert issubclass(kind, StiChatError), kind.__name__
    assert issubclass(errors.LLMFailure, StiChatError) and issubclass(errors.Misuse, StiChatError)


def test_an_error_says_what_happened_in_snake_case() -> None:
    assert errors.UnknownButton().reason == "unknown_button"
    assert errors.TicketIdsExhausted().reason == "ticket_ids_exhausted"
    assert str(errors.MessageTooLong("at most 2000 characters")) == "at most 2000 characters"
