"""The console's pages, rendered on the server: plain HTML forms (no script needed but the live log's),
every value escaped, every field labelled, one language per page (es-AR or English)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from stichat.domain.desk import STATUSES, AuditEntry, ConsoleSession, QueueItem, QueueQuery, status_label
from stichat.services.breaker import CircuitState
from stichat.services.desk import DeskFigures, TicketView
from stichat.services.smart import SmartStatus
from stichat.web.console_texts import FUNNEL_LABELS, action, texts


def _when(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _age(at: float, now: float, t: dict[str, str]) -> str:
    minutes = max(0, int((now - at) // 60))
    if minutes < 60:
        return t["minutes"].format(n=minutes)
    if minutes < 48 * 60:
        return t["hours"].format(n=minutes // 60)
    return t["days"].format(n=minutes // 1440)


def page(locale: str, title: str, body: str, *, session: ConsoleSession | None = None, current: str = "") -> str:
    t = texts(locale)
    nav = ""
    if session is not None:
        here = ' aria-current="page"'
        links = "".join(
            f'<li><a href="{href}"{here if key == current else ""}>{t[key]}</a></li>'
            for key, href in (("queue", "/console"), ("overview", "/console/overview"), ("live", "/console/live")))
        nav = (f'<header><p class="who">{escape(t["signed_in_as"].format(name=session.operator))}</p>'
               f'<nav aria-label="{t["nav"]}"><ul>{links}</ul></nav>'
               f'<form method="post" action="/console/sign-out">{_csrf(session)}'
               f'<button type="submit">{t["sign_out"]}</button></form></header>')
    return (f'<!doctype html><html lang="{"en" if locale == "en" else "es-AR"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)} · STI</title><link rel="stylesheet" href="/static/console.css"></head>'
            f'<body><a class="skip" href="#main">{t["skip"]}</a>{nav}<main id="main">{body}</main></body></html>\n')


def _csrf(session: ConsoleSession) -> str:
    return f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'


def _notice(message: str | None, *, error: bool = False) -> str:
    if not message:
        return ""
    return f'<p class="{"error" if error else "ok"}" role="{"alert" if error else "status"}">{escape(message)}</p>'


def sign_in(locale: str, *, message: str | None = None) -> str:
    t = texts(locale)
    body = (f'<h1>{t["sign_in_heading"]}</h1>{_notice(message, error=True)}'
            f'<form method="post" action="/console/sign-in" class="sign-in">'
            f'<label for="user">{t["user"]}</label>'
            f'<input id="user" name="user" autocomplete="username" required maxlength="64">'
            f'<label for="password">{t["password"]}</label>'
            f'<input id="password" name="password" type="password" autocomplete="current-password" required '
            f'maxlength="256"><button type="submit">{t["sign_in"]}</button></form>')
    return page(locale, t["title"], body)


def _status_options(selected: str, locale: str, *, any_label: str | None = None) -> str:
    options = [f'<option value="">{any_label}</option>'] if any_label is not None else []
    options += [f'<option value="{s}"{" selected" if s == selected else ""}>{status_label(s, locale)}</option>'
                for s in STATUSES]
    return "".join(options)


def _date(at: float | None) -> str:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d") if at is not None else ""


def queue(locale: str, session: ConsoleSession, items: list[QueueItem], query: QueueQuery, *, now: float) -> str:
    t = texts(locale)
    status = query.statuses[0] if len(query.statuses) == 1 else ""
    filters = (f'<form method="get" action="/console" class="filters" aria-label="{t["filters"]}">'
               f'<label for="f-status">{t["status"]}</label><select id="f-status" name="status">'
               f'{_status_options(status, locale, any_label=t["any_status"])}</select>'
               f'<label for="f-since">{t["since"]}</label>'
               f'<input id="f-since" name="since" type="date" value="{_date(query.since)}">'
               f'<label for="f-until">{t["until"]}</label>'
               f'<input id="f-until" name="until" type="date" value="{_date(query.until and query.until - 86400)}">'
               f'<label for="f-q">{t["search"]}</label>'
               f'<input id="f-q" name="q" value="{escape(query.search)}" maxlength="19">'
               f'<button type="submit">{t["apply"]}</button></form>')
    rows = "".join(
        f'<tr><th scope="row"><a href="/console/tickets/{escape(i.ticket_id)}">{escape(i.ticket_id)}</a></th>'
        f'<td><span class="status status-{i.status}">{status_label(i.status, locale)}</span></td>'
        f'<td>{escape(i.device_label)}</td><td>{escape(i.problem_label)}</td>'
        f'<td>{escape(i.name or t["unnamed"])}</td>'
        f'<td><time datetime="{_when(i.created_at)}">{_age(i.created_at, now, t)}</time></td></tr>' for i in items)
    table = (f'<table><caption>{t["queue_caption"]}</caption><thead><tr><th scope="col">{t["ticket"]}</th>'
             f'<th scope="col">{t["status"]}</th><th scope="col">{t["device"]}</th>'
             f'<th scope="col">{t["problem"]}</th><th scope="col">{t["customer"]}</th>'
             f'<th scope="col">{t["age"]}</th></tr></thead><tbody>{rows}</tbody></table>'
             if items else f'<p>{t["no_tickets"]}</p>')
    return page(locale, t["queue"], f'<h1>{t["queue"]}</h1>{filters}{table}', session=session, current="queue")


def _audit(entries: list[AuditEntry], locale: str) -> str:
    t = texts(locale)
    if not entries:
        return f'<p>{t["no_audit"]}</p>'
    return "<ol class=\"audit\">" + "".join(
        f'<li><time>{_when(e.at)}</time> <strong>{escape(e.actor)}</strong> {escape(action(e.action, locale))}'
        f'{(": " + escape(e.detail)) if e.detail else ""}</li>' for e in entries) + "</ol>"


def ticket(locale: str, session: ConsoleSession, view: TicketView, *, message: str | None = None,
           error: bool = False) -> str:
    t, k, s = texts(locale), view.ticket, view.state
    steps = "".join(f"<li>{escape(x)}</li>" for x in k.steps_tried) or f'<li>{t["none"]}</li>'
    questions = "".join(f"<li>{escape(x)}</li>" for x in k.questions) or f'<li>{t["none"]}</li>'
    photos = "".join(
        f'<li><a href="/console/tickets/{escape(k.id)}/photos/{escape(i)}">'
        f'<img src="/console/tickets/{escape(k.id)}/photos/{escape(i)}?thumb=1" '
        f'alt="{escape(t["photo_alt"].format(n=n))}" width="160"></a></li>' for n, i in enumerate(k.images, 1))
    transcript = "".join(
        f'<li class="{escape(e.role)}"><span class="meta">{_when(e.at)} · '
        f'{"Tecnos" if e.role == "bot" else escape(t["customer"])}</span><p>{escape(e.text)}</p></li>'
        for e in view.transcript)
    notes = "".join(f'<li><p>{escape(n.text)}</p><span class="meta">{escape(n.author)} · {_when(n.at)}</span></li>'
                    for n in view.notes)
    body = (
        f'<p><a href="/console">← {t["back_to_queue"]}</a></p>'
        f'<h1>{t["ticket"]} {escape(k.id)}</h1>{_notice(message, error=error)}'
        f'<dl class="fields"><dt>{t["status"]}</dt><dd><span class="status status-{s.status}">'
        f'{status_label(s.status, locale)}</span></dd>'
        f'<dt>{t["created"]}</dt><dd>{_when(k.created_at)}</dd>'
        f'<dt>{t["customer"]}</dt><dd>{escape(k.name or t["unnamed"])}</dd>'
        f'<dt>{t["device"]}</dt><dd>{escape(k.device_label)}</dd>'
        f'<dt>{t["problem"]}</dt><dd>{escape(k.problem_label)}</dd>'
        f'<dt>{t["summary"]}</dt><dd>{escape(k.summary or t["none"])}</dd>'
        f'<dt>{t["in_their_words"]}</dt><dd>{escape(k.description or t["none"])}</dd></dl>'
        f'<p><a class="button" href="{escape(view.reply_url)}" rel="noopener noreferrer" target="_blank">'
        f'{t["whatsapp"]}</a> <span class="hint">{t["whatsapp_hint"]}</span></p>'
        f'<section aria-labelledby="h-status"><h2 id="h-status">{t["change_status"]}</h2>'
        f'<form method="post" action="/console/tickets/{escape(k.id)}/status">{_csrf(session)}'
        f'<input type="hidden" name="version" value="{s.version}">'
        f'<label for="status">{t["status"]}</label><select id="status" name="status">'
        f'{_status_options(s.status, locale)}</select><button type="submit">{t["save_status"]}</button></form>'
        f'</section>'
        f'<section aria-labelledby="h-notes"><h2 id="h-notes">{t["notes"]}</h2>'
        f'{"<ol class=notes>" + notes + "</ol>" if notes else "<p>" + t["no_notes"] + "</p>"}'
        f'<form method="post" action="/console/tickets/{escape(k.id)}/notes">{_csrf(session)}'
        f'<label for="note">{t["new_note"]}</label><textarea id="note" name="text" rows="3" maxlength="4000" '
        f'required></textarea><button type="submit">{t["add_note"]}</button></form></section>'
        f'<section aria-labelledby="h-steps"><h2 id="h-steps">{t["steps_tried"]}</h2><ul>{steps}</ul>'
        f'<h3>{t["questions"]}</h3><ul>{questions}</ul></section>'
        f'<section aria-labelledby="h-photos"><h2 id="h-photos">{t["photos"]}</h2>'
        f'{"<ul class=photos>" + photos + "</ul>" if photos else "<p>" + t["no_photos"] + "</p>"}</section>'
        f'<section aria-labelledby="h-transcript"><h2 id="h-transcript">{t["transcript"]}</h2>'
        f'{"<ol class=transcript>" + transcript + "</ol>" if transcript else "<p>" + t["no_transcript"] + "</p>"}'
        f'</section>'
        f'<section aria-labelledby="h-audit"><h2 id="h-audit">{t["audit"]}</h2>{_audit(view.audit, locale)}'
        f'</section>'
        f'<section aria-labelledby="h-erase"><h2 id="h-erase">{t["erase"]}</h2><p>{t["erase_hint"]}</p>'
        f'<form method="post" action="/console/tickets/{escape(k.id)}/erase">{_csrf(session)}'
        f'<input type="checkbox" id="confirm" name="confirm" value="yes">'
        f'<label for="confirm">{t["erase_confirm"]}</label>'
        f'<button type="submit" class="danger">{t["erase_button"]}</button></form></section>')
    return page(locale, f'{t["ticket"]} {k.id}', body, session=session, current="queue")


def _bars(rows: list[tuple[str, int]], label: str) -> str:
    """A small horizontal bar chart as SVG (no script, no inline style), each bar with its number."""
    top = max([count for _, count in rows] + [1])
    height = 22 * len(rows)
    bars = "".join(
        f'<g><text x="0" y="{22 * n + 15}" font-size="12">{escape(name)}</text>'
        f'<rect x="150" y="{22 * n + 4}" height="14" width="{max(1, int(200 * count / top))}" fill="#1f5fa8"></rect>'
        f'<text x="{156 + int(200 * count / top)}" y="{22 * n + 15}" font-size="12">{count}</text></g>'
        for n, (name, count) in enumerate(rows))
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 420 {height}" width="420" '
            f'height="{height}">{bars}</svg>')


def overview(locale: str, session: ConsoleSession, figures: DeskFigures, smart: SmartStatus | None,
             recent: list[AuditEntry], *, message: str | None = None) -> str:
    """The last 24 hours, smart mode's switch and the breaker, and the latest audit entries. `smart` is
    None when the process has no smart mode at all: shown as not configured, the breaker as closed."""
    t = texts(locale)
    rate = figures.solved_rate
    state = (smart.circuit_state if smart is not None else CircuitState.CLOSED).value
    breaker = t.get(f"breaker_{state}", state)
    names = FUNNEL_LABELS.get(locale, FUNNEL_LABELS["en"])
    funnel = [(names.get(stage, stage), count) for stage, count in figures.funnel]
    statuses = [(status_label(s, locale), figures.tickets_by_status.get(s, 0)) for s in STATUSES]
    if smart is not None and smart.configured:
        on = bool(smart.enabled)
        switch = (f'<p>{t["smart_mode"]}: <strong>{t["smart_on"] if on else t["smart_off"]}</strong></p>'
                  f'<form method="post" action="/console/smart-mode">{_csrf(session)}'
                  f'<input type="hidden" name="enabled" value="{"false" if on else "true"}">'
                  f'<button type="submit">{t["turn_off"] if on else t["turn_on"]}</button></form>')
    else:
        switch = f'<p>{t["smart_not_configured"]}</p>'
    body = (f'<h1>{t["overview"]}</h1>{_notice(message)}'
            f'<section aria-labelledby="h-fig"><h2 id="h-fig">{t["figures"]}</h2><dl class="figures">'
            f'<dt>{t["conversations"]}</dt><dd>{figures.conversations}</dd>'
            f'<dt>{t["tickets_24h"]}</dt><dd>{figures.tickets}</dd>'
            f'<dt>{t["solved_rate"]}</dt><dd>{t["none"] if rate is None else f"{round(rate * 100)} %"}</dd>'
            f'<dt>{t["breaker"]}</dt><dd>{escape(breaker)}</dd></dl>'
            f'<h3>{t["funnel"]}</h3>{_bars(funnel, t["funnel"])}'
            f'<h3>{t["tickets_24h"]}</h3>{_bars(statuses, t["tickets_24h"])}</section>'
            f'<section aria-labelledby="h-smart"><h2 id="h-smart">{t["smart_mode"]}</h2>{switch}</section>'
            f'<section aria-labelledby="h-recent"><h2 id="h-recent">{t["audit_all"]}</h2>'
            f'{_audit(recent, locale)}</section>')
    return page(locale, t["overview"], body, session=session, current="overview")


def live(locale: str, session: ConsoleSession) -> str:
    t = texts(locale)
    body = (f'<h1>{t["live"]}</h1><p>{t["live_hint"]}</p>'
            f'<p id="live-state" role="status" data-connecting="{t["live_connecting"]}" '
            f'data-connected="{t["live_connected"]}" data-lost="{t["live_lost"]}">{t["live_connecting"]}</p>'
            f'<ol id="live-log" class="log" aria-live="off"></ol><script src="/static/console.js" defer></script>')
    return page(locale, t["live"], body, session=session, current="live")


def problem(locale: str, message: str, session: ConsoleSession | None = None) -> str:
    return page(locale, texts(locale)["title"], _notice(message, error=True) +
                f'<p><a href="/console">{texts(locale)["back_to_queue"]}</a></p>', session=session)
