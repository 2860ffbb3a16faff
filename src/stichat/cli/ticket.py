"""`stichat ticket create`: open a ticket by hand when automatic creation failed (runbook, item 27).

It goes through the same TicketService as the chat: the same `TCK-YYYYMMDD-XXXXXX` ids (collision
checked), PII masked, written atomically as JSON + text in TICKETS_DIR, a signed expiring link and the
prefilled WhatsApp URL. Run it where the service's settings and TICKETS_DIR are (in an api pod), so
the link is signed with the key the service checks.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

import click

from stichat.cli.settings import load_settings
from stichat.config import LOCALES


def _pick(kind: str, value: str, keys: tuple[str, ...], label: Callable[[str, str], str]) -> str:
    """A TAXONOMY key from a key or a label (any case); exit 2 listing the keys otherwise."""
    wanted = value.strip().lower().replace(" ", "_").replace("-", "_")
    for key in keys:
        names = {key.lower(), *(label(key, loc).lower().replace(" ", "_") for loc in LOCALES)}
        if wanted in names:
            return key
    click.echo(f"stichat ticket create: unknown {kind} {value!r}; one of: {', '.join(keys)}", err=True)
    raise SystemExit(2)


@click.group()
def ticket() -> None:
    """Tickets by hand: `create` when the chat could not open one."""


@ticket.command("create")
@click.option("--name", default=None, help="The customer's name as they gave it (optional).")
@click.option("--device", required=True, help="Device key (TAXONOMY.md), e.g. notebook, pc, printer, router.")
@click.option("--problem", required=True, help="Problem key (TAXONOMY.md), e.g. no_power, slow, no_internet.")
@click.option("--description", required=True, help="What the customer reported; PII is masked before writing.")
@click.option("--locale", type=click.Choice(LOCALES), default="es-AR", show_default=True,
              help="Language of the WhatsApp message and labels.")
@click.option("--json", "as_json", is_flag=True, help="Print the ticket id and links as JSON.")
def create(name: str | None, device: str, problem: str, description: str, locale: str, as_json: bool) -> None:
    """Create a ticket from fields; print its id, link and WhatsApp URL."""
    from stichat import bootstrap

    logging.getLogger("stichat").addHandler(logging.NullHandler())  # this command speaks on stdout only
    if not description.strip():
        click.echo("stichat ticket create: --description must not be empty", err=True)
        raise SystemExit(2)
    settings = load_settings()
    try:
        services = bootstrap.build(settings)
    except OSError as exc:
        click.echo(f"stichat ticket create: cannot open the ticket store: {exc}", err=True)
        raise SystemExit(1) from None
    try:
        kb = services.kb
        device_key = _pick("device", device, kb.devices, kb.device_label)
        problem_key = _pick("problem", problem, kb.problems, kb.problem_label)
        try:
            made = asyncio.run(services.tickets.create_from_fields(
                name=name, device=device_key, problem=problem_key, description=description, locale=locale))
        except OSError as exc:
            click.echo(f"stichat ticket create: cannot write the ticket: {exc}", err=True)
            raise SystemExit(1) from None
        links = services.tickets.links(made)
    finally:
        services.close()
    if as_json:
        from stichat.web.views import public_ticket, ticket_links  # the same view the ticket's link shows

        click.echo(json.dumps({**ticket_links(links), "ticket": public_ticket(made)}, ensure_ascii=False, indent=2))
        return
    click.echo(f"ticket created: {made.id}")
    click.echo(f"file: {settings.tickets_dir / (made.id + '.json')} (and .txt)")
    click.echo(f"device: {made.device_label}; problem: {made.problem_label}")
    click.echo(f"link: {links.public_url}")
    click.echo(f"whatsapp: {links.whatsapp_url}")
