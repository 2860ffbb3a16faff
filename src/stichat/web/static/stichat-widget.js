/*
 * STI Chat widget ("Tecnos"): plain JavaScript, no build step, no framework.
 *
 * Embed it in any site with one tag that names the API origin (empty = same origin):
 *   <link rel="stylesheet" href="https://chat.example/static/stichat-widget.css">
 *   <script src="https://chat.example/static/stichat-widget.js" data-api-base="https://chat.example" defer></script>
 *
 * Rules kept here on purpose:
 *  - every piece of text from the server or the customer is rendered as text (textContent / text
 *    nodes); the only markup the formatter knows is **bold**, line breaks and numbered lines;
 *  - every POST carries X-CSRF-Token (the token from the greeting or from /api/session/validate);
 *  - the stage logic lives on the server: the widget shows the reply, its steps, its buttons and
 *    its ticket, and sends back the value of the button the customer picked.
 */
(function () {
  'use strict';

  if (window.__stichatWidgetLoaded) return;
  window.__stichatWidgetLoaded = true;

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[src*="stichat-widget"]');
    return all.length ? all[all.length - 1] : null;
  })();
  var API_BASE = ((script && script.getAttribute('data-api-base')) || '').replace(/\/+$/, '');
  var KEY = 'stichat:v1:' + (API_BASE || 'self') + ':';
  var MAX_HISTORY = 150;
  var POLL_MS = 1000;
  var POLL_TRIES = 60;

  var TEXT = {
    'es-AR': {
      launcher: 'Ayuda técnica',
      launcherLabel: 'Ayuda técnica: abrir el chat con Tecnos',
      launcherCloseLabel: 'Ayuda técnica: cerrar el chat con Tecnos',
      panelLabel: 'Chat con Tecnos, asistente técnico de STI',
      subtitle: 'Asistente técnico de STI · Rosario',
      close: 'Cerrar el chat',
      log: 'Conversación con Tecnos',
      choices: 'Opciones de respuesta',
      inputLabel: 'Escribí tu mensaje',
      placeholder: 'Escribí tu mensaje…',
      send: 'Enviar mensaje',
      attach: 'Adjuntar una foto',
      typing: 'Tecnos está escribiendo…',
      you: 'Vos:',
      bot: 'Tecnos:',
      offline: 'Sin conexión a internet. Cuando vuelva la conexión, probá de nuevo.',
      network: 'No pudimos conectar con Tecnos. Probá de nuevo en un momento.',
      rateLimited: 'Estás yendo muy rápido. Esperá {s} segundos y probá de nuevo.',
      generic: 'Algo salió mal. Probá de nuevo en un momento.',
      restart: 'Empezar de nuevo',
      dismiss: 'Cerrar aviso',
      whatsapp: 'Hablar con un técnico por WhatsApp',
      viewTicket: 'Ver el ticket {id}',
      newTab: '(se abre en una pestaña nueva)',
      photo: 'Tu foto',
      uploading: 'Subiendo la foto… {p}%',
      processing: 'Procesando la foto…',
      uploaded: 'Foto recibida ✔',
      uploadFailed: 'No pudimos procesar la foto.',
      notImage: 'Elegí un archivo de imagen (JPG, PNG, WebP…).',
      progress: 'Progreso de la subida',
      welcomeBack: 'Seguimos con tu consulta.',
      noSession: 'Esperá a que Tecnos te salude y probá de nuevo.'
    },
    en: {
      launcher: 'Tech support',
      launcherLabel: 'Tech support: open the chat with Tecnos',
      launcherCloseLabel: 'Tech support: close the chat with Tecnos',
      panelLabel: 'Chat with Tecnos, STI technical assistant',
      subtitle: 'STI technical assistant · Rosario',
      close: 'Close the chat',
      log: 'Conversation with Tecnos',
      choices: 'Reply options',
      inputLabel: 'Type your message',
      placeholder: 'Type your message…',
      send: 'Send message',
      attach: 'Attach a photo',
      typing: 'Tecnos is typing…',
      you: 'You:',
      bot: 'Tecnos:',
      offline: 'You are offline. Try again when the connection is back.',
      network: 'We could not reach Tecnos. Please try again in a moment.',
      rateLimited: 'You are going too fast. Wait {s} seconds and try again.',
      generic: 'Something went wrong. Please try again in a moment.',
      restart: 'Start again',
      dismiss: 'Dismiss notice',
      whatsapp: 'Talk to a technician on WhatsApp',
      viewTicket: 'View ticket {id}',
      newTab: '(opens in a new tab)',
      photo: 'Your photo',
      uploading: 'Uploading the photo… {p}%',
      processing: 'Processing the photo…',
      uploaded: 'Photo received ✔',
      uploadFailed: 'We could not process the photo.',
      notImage: 'Choose an image file (JPG, PNG, WebP…).',
      progress: 'Upload progress',
      welcomeBack: 'Picking up where we left off.',
      noSession: 'Wait for Tecnos to greet you and try again.'
    }
  };
  var SESSION_ERRORS = { session_not_found: 1, invalid_session_id: 1, csrf_failed: 1, session_expired: 1 };

  function browserLocale() {
    var lang = (navigator.language || '').toLowerCase();
    return lang.indexOf('en') === 0 ? 'en' : 'es-AR';
  }

  // ---------------------------------------------------------------- state & storage

  var state = {
    sessionId: null,
    csrfToken: null,
    locale: browserLocale(),
    history: [],     // [{t: 'bot'|'user'|'img'|'note', ...}]
    buttons: [],     // buttons of the latest reply
    open: false,
    pending: false,
    greeting: null,  // the in-flight greeting promise
    restored: null   // the in-flight session validation promise
  };

  function store(name, value) {
    try {
      if (value === null || value === undefined) sessionStorage.removeItem(KEY + name);
      else sessionStorage.setItem(KEY + name, JSON.stringify(value));
    } catch (e) { /* storage full or disabled: the chat still works for this page */ }
  }
  function load(name) {
    try {
      var raw = sessionStorage.getItem(KEY + name);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) { return null; }
  }
  function persist() {
    if (state.history.length > MAX_HISTORY) state.history = state.history.slice(-MAX_HISTORY);
    store('sid', state.sessionId);
    store('csrf', state.csrfToken);
    store('locale', state.locale);
    store('buttons', state.buttons);
    persistHistorySoon();
  }
  function forget() {
    state.sessionId = null;
    state.csrfToken = null;
    state.history = [];
    state.buttons = [];
    ['sid', 'csrf', 'history', 'buttons', 'open'].forEach(function (n) { store(n, null); });
  }

  function t(key, vars) {
    var s = (TEXT[state.locale] || TEXT['es-AR'])[key] || TEXT['es-AR'][key] || key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(String(vars[k])); });
    return s;
  }
  function api(path) { return API_BASE + path; }

  // ---------------------------------------------------------------- DOM helpers (text only)

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* One line of text with **bold**: split on "**", odd pieces become <strong> text nodes. */
  function appendInline(parent, line) {
    var parts = String(line).split('**');
    // An unmatched "**" (even number of pieces) is shown literally rather than bolding the rest.
    var balanced = parts.length % 2 === 1;
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i] && i % 2 === 1 && balanced) continue;
      if (i % 2 === 1 && balanced) parent.appendChild(el('strong', null, parts[i]));
      else parent.appendChild(document.createTextNode((i > 0 && !balanced ? '**' : '') + parts[i]));
    }
  }

  var NUMBERED = /^\s*(\d{1,2})[.)]\s+(.*)$/;

  function stepList(items) {
    var ol = el('ol', 'stichat-steps');
    items.forEach(function (item) {
      var li = el('li');
      var n = parseInt(item.n, 10);
      if (n > 0) li.value = n;
      appendInline(li, item.text);
      ol.appendChild(li);
    });
    return ol;
  }

  /* The safe formatter: paragraphs per line, numbered lines as <ol>, **bold** as <strong>.
     When the reply carries `steps`, they replace the numbered lines of the text. */
  function formatInto(parent, text, steps) {
    var lines = String(text || '').split(/\r?\n/);
    var run = [];
    var stepsShown = false;
    var haveSteps = Array.isArray(steps) && steps.length > 0;
    function flush() {
      if (!run.length) return;
      if (haveSteps) {
        if (!stepsShown) parent.appendChild(stepList(steps));
        stepsShown = true;
      } else {
        parent.appendChild(stepList(run));
      }
      run = [];
    }
    lines.forEach(function (line) {
      var m = NUMBERED.exec(line);
      if (m) { run.push({ n: m[1], text: m[2] }); return; }
      flush();
      if (!line.trim()) return;
      var p = el('p');
      appendInline(p, line);
      parent.appendChild(p);
    });
    flush();
    if (haveSteps && !stepsShown) parent.appendChild(stepList(steps));
  }

  function safeUrl(value, httpsOnly) {
    try {
      var u = new URL(String(value), window.location.href);
      if (u.protocol === 'https:' || (!httpsOnly && u.protocol === 'http:')) return u.href;
    } catch (e) { /* not a URL */ }
    return null;
  }

  // ---------------------------------------------------------------- the widget's DOM

  var ui = {};

  function build() {
    var root = el('div', 'stichat-root');
    root.setAttribute('lang', state.locale);

    var launcher = el('button', 'stichat-launcher');
    launcher.type = 'button';
    launcher.id = 'stichat-launcher';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'stichat-panel');
    var icon = el('span', 'stichat-launcher-icon');
    icon.setAttribute('aria-hidden', 'true');
    launcher.appendChild(icon);
    var launcherText = el('span', 'stichat-launcher-text');
    launcher.appendChild(launcherText);

    var panel = el('div', 'stichat-panel');
    panel.id = 'stichat-panel';
    panel.setAttribute('role', 'dialog');
    panel.hidden = true;

    var header = el('div', 'stichat-header');
    var avatar = el('span', 'stichat-avatar', 'T');
    avatar.setAttribute('aria-hidden', 'true');
    var titles = el('div', 'stichat-titles');
    var title = el('h2', 'stichat-title', 'Tecnos');
    var subtitle = el('p', 'stichat-subtitle');
    titles.appendChild(title);
    titles.appendChild(subtitle);
    var closeBtn = el('button', 'stichat-close');
    closeBtn.type = 'button';
    var closeIcon = el('span', null, '×');
    closeIcon.setAttribute('aria-hidden', 'true');
    closeBtn.appendChild(closeIcon);
    header.appendChild(avatar);
    header.appendChild(titles);
    header.appendChild(closeBtn);

    var notice = el('div', 'stichat-notice');
    notice.setAttribute('role', 'alert');
    notice.hidden = true;
    var noticeText = el('p', 'stichat-notice-text');
    var noticeActions = el('div', 'stichat-notice-actions');
    notice.appendChild(noticeText);
    notice.appendChild(noticeActions);

    var log = el('div', 'stichat-log');
    log.id = 'stichat-log';
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    log.setAttribute('aria-relevant', 'additions');
    log.tabIndex = 0;

    var typing = el('div', 'stichat-typing');
    typing.setAttribute('role', 'status');
    typing.hidden = true;
    var dots = el('span', 'stichat-dots');
    dots.setAttribute('aria-hidden', 'true');
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    var typingText = el('span', 'stichat-typing-text');
    typing.appendChild(dots);
    typing.appendChild(typingText);

    var choices = el('div', 'stichat-choices');
    choices.setAttribute('role', 'group');
    choices.hidden = true;

    var form = el('form', 'stichat-form');
    form.setAttribute('novalidate', '');
    var attach = el('button', 'stichat-attach');
    attach.type = 'button';
    var attachIcon = el('span', 'stichat-attach-icon');
    attachIcon.setAttribute('aria-hidden', 'true');
    attach.appendChild(attachIcon);
    var file = el('input', 'stichat-file');
    file.type = 'file';
    file.accept = 'image/*';
    file.hidden = true;
    file.tabIndex = -1;
    var inputLabel = el('label', 'stichat-sr');
    inputLabel.htmlFor = 'stichat-input';
    var input = el('input', 'stichat-input');
    input.id = 'stichat-input';
    input.type = 'text';
    input.autocomplete = 'off';
    input.maxLength = 2000;
    input.setAttribute('enterkeyhint', 'send');
    var send = el('button', 'stichat-send');
    send.type = 'submit';
    var sendIcon = el('span', 'stichat-send-icon');
    sendIcon.setAttribute('aria-hidden', 'true');
    send.appendChild(sendIcon);
    form.appendChild(attach);
    form.appendChild(file);
    form.appendChild(inputLabel);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(notice);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(choices);
    panel.appendChild(form);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    ui = {
      root: root, launcher: launcher, launcherText: launcherText, panel: panel, subtitle: subtitle,
      closeBtn: closeBtn, notice: notice, noticeText: noticeText, noticeActions: noticeActions, log: log,
      typing: typing, typingText: typingText, choices: choices, form: form, attach: attach, file: file,
      inputLabel: inputLabel, input: input, send: send
    };

    launcher.addEventListener('click', function () { if (state.open) close(); else open(); });
    closeBtn.addEventListener('click', close);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.key === 'Esc') { e.preventDefault(); close(); return; }
      if (e.key === 'Tab' && fullScreen()) trapTab(e);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = input.value;
      if (!text.trim() || state.pending) return;
      sendMessage({ message: text }, text, 'input');
    });
    attach.addEventListener('click', function () { file.click(); });
    file.addEventListener('change', function () {
      var chosen = file.files && file.files[0];
      file.value = '';
      if (chosen) uploadImage(chosen);
    });
    window.addEventListener('offline', function () { showNotice(t('offline')); });
    window.addEventListener('online', function () { if (ui.notice.dataset.kind === 'offline') hideNotice(); });
    applyTexts();
    syncModal();
    if (SMALL && SMALL.addEventListener) SMALL.addEventListener('change', syncModal);
  }

  function applyTexts() {
    ui.root.setAttribute('lang', state.locale);
    ui.launcherText.textContent = t('launcher');
    ui.launcher.setAttribute('aria-label', state.open ? t('launcherCloseLabel') : t('launcherLabel'));
    ui.panel.setAttribute('aria-label', t('panelLabel'));
    ui.subtitle.textContent = t('subtitle');
    ui.closeBtn.setAttribute('aria-label', t('close'));
    ui.closeBtn.title = t('close');
    ui.log.setAttribute('aria-label', t('log'));
    ui.choices.setAttribute('aria-label', t('choices'));
    ui.inputLabel.textContent = t('inputLabel');
    ui.input.placeholder = t('placeholder');
    ui.send.setAttribute('aria-label', t('send'));
    ui.send.title = t('send');
    ui.attach.setAttribute('aria-label', t('attach'));
    ui.attach.title = t('attach');
    ui.typingText.textContent = t('typing');
  }

  function setLocale(locale) {
    if ((locale === 'en' || locale === 'es-AR') && locale !== state.locale) {
      state.locale = locale;
      applyTexts();
    }
  }

  // ---------------------------------------------------------------- open / close

  function open() {
    state.open = true;
    store('open', true);
    ui.panel.hidden = false;
    ui.root.classList.add('stichat-is-open');
    ui.launcher.setAttribute('aria-expanded', 'true');
    applyTexts();
    scrollToEnd();
    focusBest();
    (state.restored || Promise.resolve()).then(function () {
      if (!state.sessionId) greet();
    });
  }

  function close() {
    state.open = false;
    store('open', false);
    ui.panel.hidden = true;
    ui.root.classList.remove('stichat-is-open');
    ui.launcher.setAttribute('aria-expanded', 'false');
    applyTexts();
    ui.launcher.focus();
  }

  /* On small screens the panel covers the page, so Tab cycles inside it (Escape still leaves). */
  var SMALL = window.matchMedia ? window.matchMedia('(max-width: 480px)') : null;
  function fullScreen() { return !!(SMALL && SMALL.matches); }
  function trapTab(e) {
    var items = Array.prototype.filter.call(
      ui.panel.querySelectorAll('button, a[href], input:not([type="file"]), [tabindex="0"]'),
      function (n) { return !n.closest('[hidden]') && n.getClientRects().length > 0; });
    if (!items.length) return;
    var first = items[0];
    var last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }
  function syncModal() {
    if (fullScreen()) ui.panel.setAttribute('aria-modal', 'true');
    else ui.panel.removeAttribute('aria-modal');
  }

  function focusBest() {
    var first = ui.choices.querySelector('button');
    if (first && !ui.choices.hidden) first.focus();
    else ui.input.focus();
  }

  function scrollToEnd() { ui.log.scrollTop = ui.log.scrollHeight; }

  // ---------------------------------------------------------------- notices

  function showNotice(text, opts) {
    opts = opts || {};
    ui.noticeText.textContent = text;
    ui.notice.dataset.kind = opts.kind || (navigator.onLine === false ? 'offline' : 'error');
    while (ui.noticeActions.firstChild) ui.noticeActions.removeChild(ui.noticeActions.firstChild);
    if (opts.restart) {
      var again = el('button', 'stichat-notice-button', t('restart'));
      again.type = 'button';
      again.addEventListener('click', restart);
      ui.noticeActions.appendChild(again);
    }
    var dismiss = el('button', 'stichat-notice-dismiss');
    dismiss.type = 'button';
    dismiss.setAttribute('aria-label', t('dismiss'));
    var x = el('span', null, '×');
    x.setAttribute('aria-hidden', 'true');
    dismiss.appendChild(x);
    dismiss.addEventListener('click', function () { hideNotice(); ui.input.focus(); });
    ui.noticeActions.appendChild(dismiss);
    ui.notice.hidden = false;
  }
  function hideNotice() { ui.notice.hidden = true; ui.notice.dataset.kind = ''; }

  function restart() {
    hideNotice();
    forget();
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    renderButtons([]);
    greet();
  }

  /* The friendly text for a failed request: offline, 429 with Retry-After, or the JSON `message`. */
  function describeFailure(status, body, retryAfter) {
    if (status === 0) return { text: navigator.onLine === false ? t('offline') : t('network'), kind: 'offline' };
    var message = body && typeof body.message === 'string' && body.message ? body.message : '';
    if (status === 429) {
      var secs = parseInt(retryAfter, 10);
      var wait = secs > 0 ? t('rateLimited', { s: secs }) : '';
      return { text: [message, wait].filter(Boolean).join(' ') || t('generic'), kind: 'rate' };
    }
    var code = body && body.error;
    return { text: message || t('generic'), kind: 'error', restart: !!SESSION_ERRORS[code] };
  }

  // ---------------------------------------------------------------- HTTP

  function postJSON(path, payload) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
    return fetch(api(path), {
      method: 'POST', headers: headers, body: JSON.stringify(payload), credentials: 'omit', mode: 'cors'
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (res.ok && body) return body;
        var failure = describeFailure(res.status, body, res.headers.get('Retry-After'));
        failure.status = res.status;
        throw failure;
      });
    }, function () {
      throw describeFailure(0, null, null);
    });
  }

  function fail(failure) {
    showNotice(failure.text || t('generic'), failure);
  }

  // ---------------------------------------------------------------- conversation

  function setPending(on) {
    state.pending = on;
    ui.typing.hidden = !on;
    scrollToEnd();
    ui.send.setAttribute('aria-disabled', on ? 'true' : 'false');
    Array.prototype.forEach.call(ui.choices.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-disabled', on ? 'true' : 'false');
    });
    ui.panel.setAttribute('aria-busy', on ? 'true' : 'false');
    if (on) scrollToEnd();
  }

  function greet() {
    if (state.greeting) return state.greeting;
    setPending(true);
    state.greeting = postJSON('/api/greeting', { locale: browserLocale() }).then(function (body) {
      state.sessionId = body.sessionId;
      state.csrfToken = body.csrfToken;
      hideNotice();
      handleReply(body, 'greeting');
    }, fail).then(function () {
      setPending(false);
      state.greeting = null;
    });
    return state.greeting;
  }

  function sendMessage(payload, shownText, via) {
    if (state.pending) return;
    if (!state.sessionId) { showNotice(t('noSession')); greet(); return; }
    payload.sessionId = state.sessionId;
    var entry = { t: 'user', text: shownText };
    addEntry(entry);
    if (via === 'input') ui.input.value = '';
    setPending(true);
    postJSON('/api/chat', payload).then(function (body) {
      hideNotice();
      handleReply(body, via);
    }, function (failure) {
      // The message did not go through: take it back out and give the text back for a retry.
      removeEntry(entry);
      if (via === 'input' && !ui.input.value) ui.input.value = shownText;
      fail(failure);
    }).then(function () {
      setPending(false);
      if (via === 'input') ui.input.focus();
    });
  }

  function handleReply(body, via) {
    if (body.context && body.context.locale) setLocale(body.context.locale);
    if (body.csrfToken) state.csrfToken = body.csrfToken;
    var entry = { t: 'bot', text: body.reply || '' };
    if (Array.isArray(body.steps) && body.steps.length) entry.steps = body.steps;
    if (body.ticket && body.ticket.whatsappUrl) {
      entry.ticket = {
        ticketId: body.ticket.ticketId, whatsappUrl: body.ticket.whatsappUrl, publicUrl: body.ticket.publicUrl
      };
    }
    state.buttons = Array.isArray(body.buttons) ? body.buttons.filter(function (b) {
      return b && typeof b.value === 'string';
    }).map(function (b) { return { value: b.value, label: String(b.label || b.value) }; }) : [];
    addEntry(entry);
    renderButtons(state.buttons);
    persist();
    scrollToEnd();
    if (!state.open) return;
    var active = document.activeElement;
    if (via !== 'input' && (!active || !ui.panel.contains(active) || ui.choices.contains(active) ||
        active === document.body || active === ui.input)) {
      var link = entry.ticket ? ui.log.querySelector('.stichat-message:last-child .stichat-whatsapp') : null;
      if (link) link.focus();
      else focusBest();
    }
  }

  function renderButtons(buttons) {
    var box = ui.choices;
    while (box.firstChild) box.removeChild(box.firstChild);
    buttons.forEach(function (b) {
      var btn = el('button', 'stichat-choice', b.label);
      btn.type = 'button';
      btn.setAttribute('data-value', b.value);
      btn.addEventListener('click', function () {
        if (state.pending) return;
        sendMessage({ action: b.value }, b.label, 'button');
      });
      box.appendChild(btn);
    });
    box.hidden = buttons.length === 0;
  }

  // ---------------------------------------------------------------- history rendering

  function addEntry(entry) {
    state.history.push(entry);
    var node = renderEntry(entry);
    entry._node = node;
    persistHistorySoon();
    scrollToEnd();
    return node;
  }
  function removeEntry(entry) {
    var i = state.history.indexOf(entry);
    if (i >= 0) state.history.splice(i, 1);
    if (entry._node && entry._node.parentNode) entry._node.parentNode.removeChild(entry._node);
    persistHistorySoon();
  }
  function persistHistorySoon() {
    store('history', state.history.map(function (e) {
      var copy = {};
      Object.keys(e).forEach(function (k) { if (k.charAt(0) !== '_') copy[k] = e[k]; });
      return copy;
    }));
  }

  function bubble(kind) {
    var msg = el('div', 'stichat-message stichat-' + kind);
    var who = el('span', 'stichat-sr', kind === 'user' ? t('you') : t('bot'));
    msg.appendChild(who);
    var body = el('div', 'stichat-bubble');
    msg.appendChild(body);
    ui.log.appendChild(msg);
    return { msg: msg, body: body };
  }

  function renderEntry(entry) {
    if (entry.t === 'user') {
      var u = bubble('user');
      // Customer text is shown exactly as typed: one text node per line, nothing interpreted.
      String(entry.text).split(/\r?\n/).forEach(function (line, i) {
        if (i) u.body.appendChild(el('br'));
        u.body.appendChild(document.createTextNode(line));
      });
      return u.msg;
    }
    if (entry.t === 'img') return renderImage(entry).msg;
    if (entry.t === 'note') {
      var n = bubble('bot');
      n.msg.classList.add('stichat-note');
      formatInto(n.body, entry.text);
      return n.msg;
    }
    var b = bubble('bot');
    formatInto(b.body, entry.text, entry.steps);
    if (entry.ticket) renderTicket(b.body, entry.ticket);
    return b.msg;
  }

  function renderTicket(parent, ticket) {
    var wa = safeUrl(ticket.whatsappUrl, true);
    var box = el('div', 'stichat-ticket');
    if (wa) {
      var a = el('a', 'stichat-whatsapp');
      a.href = wa;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      var waIcon = el('span', 'stichat-whatsapp-icon');
      waIcon.setAttribute('aria-hidden', 'true');
      a.appendChild(waIcon);
      a.appendChild(document.createTextNode(t('whatsapp')));
      a.appendChild(el('span', 'stichat-sr', ' ' + t('newTab')));
      box.appendChild(a);
    }
    var pub = safeUrl(ticket.publicUrl, false);
    if (pub) {
      var link = el('a', 'stichat-ticket-link', t('viewTicket', { id: ticket.ticketId || '' }));
      link.href = pub;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.appendChild(el('span', 'stichat-sr', ' ' + t('newTab')));
      box.appendChild(link);
    }
    parent.appendChild(box);
  }

  function renderAll() {
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    state.history.forEach(function (entry) { entry._node = renderEntry(entry); });
    renderButtons(state.buttons);
    scrollToEnd();
  }

  // ---------------------------------------------------------------- images

  function renderImage(entry) {
    var b = bubble('user');
    b.msg.classList.add('stichat-image');
    var fig = el('figure', 'stichat-upload');
    var img = el('img', 'stichat-thumb');
    img.alt = t('photo');
    fig.appendChild(img);
    var cap = el('figcaption', 'stichat-upload-status');
    var bar = el('progress', 'stichat-progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', t('progress'));
    var label = el('span', 'stichat-upload-text');
    label.setAttribute('role', 'status');
    cap.appendChild(bar);
    cap.appendChild(label);
    fig.appendChild(cap);
    b.body.appendChild(fig);
    var view = { msg: b.msg, fig: fig, img: img, bar: bar, label: label };
    entry._view = view;
    setUploadState(entry, entry.state || 'uploading', 0);
    if (entry.id && entry.state === 'done') loadThumb(entry);
    else if (entry.id && entry.state !== 'failed') poll(entry, 0);
    return view;
  }

  function setUploadState(entry, st, pct) {
    entry.state = st;
    var v = entry._view;
    if (!v) return;
    v.fig.setAttribute('data-state', st);
    if (st === 'uploading') {
      v.bar.value = pct;
      v.label.textContent = t('uploading', { p: Math.round(pct) });
    } else if (st === 'processing') {
      v.bar.value = 100;
      v.label.textContent = t('processing');
    } else if (st === 'done') {
      v.bar.value = 100;
      v.label.textContent = t('uploaded');
    } else {
      v.label.textContent = entry.error || t('uploadFailed');
    }
  }

  function uploadImage(fileObj) {
    if (!/^image\//.test(fileObj.type || '')) { showNotice(t('notImage')); return; }
    if (!state.sessionId) { showNotice(t('noSession')); return; }
    var entry = { t: 'img', id: null, state: 'uploading' };
    addEntry(entry);
    var local = URL.createObjectURL(fileObj);
    entry._view.img.src = local;
    entry._local = local;

    var xhr = new XMLHttpRequest();
    xhr.open('POST', api('/api/upload-image'));
    xhr.setRequestHeader('x-session-id', state.sessionId);
    if (state.csrfToken) xhr.setRequestHeader('x-csrf-token', state.csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) setUploadState(entry, 'uploading', Math.min(99, (e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status >= 200 && xhr.status < 300 && body && body.imageId) {
        entry.id = body.imageId;
        if (body.status === 'done') { setUploadState(entry, 'done'); loadThumb(entry); showAnalysis(body); }
        else if (body.status === 'failed') setUploadState(entry, 'failed');
        else { setUploadState(entry, 'processing'); poll(entry, 0); }
      } else {
        var failure = describeFailure(xhr.status, body, xhr.getResponseHeader('Retry-After'));
        entry.error = failure.text;
        setUploadState(entry, 'failed');
        fail(failure);
      }
      persistHistorySoon();
    });
    xhr.addEventListener('error', function () {
      var failure = describeFailure(0, null, null);
      entry.error = failure.text;
      setUploadState(entry, 'failed');
      persistHistorySoon();
      fail(failure);
    });
    var data = new FormData();
    data.append('image', fileObj, fileObj.name || 'photo.jpg');
    xhr.send(data);
  }

  function poll(entry, tries) {
    if (tries >= POLL_TRIES || !state.sessionId) return;
    window.setTimeout(function () {
      fetch(api('/api/upload-image/' + encodeURIComponent(entry.id)), {
        headers: { 'x-session-id': state.sessionId, 'Accept': 'application/json' }, credentials: 'omit'
      }).then(function (res) { return res.json().then(function (body) { return { res: res, body: body }; }); })
        .then(function (r) {
          if (!r.res.ok) {
            entry.error = describeFailure(r.res.status, r.body, null).text;
            setUploadState(entry, 'failed');
          } else if (r.body.status === 'done') {
            setUploadState(entry, 'done');
            loadThumb(entry);
            showAnalysis(r.body);
          } else if (r.body.status === 'failed') {
            setUploadState(entry, 'failed');
          } else {
            setUploadState(entry, 'processing');
            poll(entry, tries + 1);
          }
          persistHistorySoon();
        }, function () { poll(entry, tries + 1); });
    }, tries === 0 ? 300 : POLL_MS);
  }

  /* The processed thumbnail, fetched with the session header and shown through a blob: URL. */
  function loadThumb(entry) {
    if (!entry.id || !state.sessionId) return;
    fetch(api('/api/upload-image/' + encodeURIComponent(entry.id) + '/file?thumb=true'), {
      headers: { 'x-session-id': state.sessionId }, credentials: 'omit'
    }).then(function (res) {
      if (!res.ok) throw new Error('thumb ' + res.status);
      return res.blob();
    }).then(function (blob) {
      var v = entry._view;
      if (!v) return;
      var url = URL.createObjectURL(blob);
      v.img.addEventListener('load', function () {
        v.fig.setAttribute('data-thumb', 'loaded');
        if (entry._local) { URL.revokeObjectURL(entry._local); entry._local = null; }
        scrollToEnd();
      }, { once: true });
      v.img.src = url;
    }).catch(function () { /* the local preview (if any) stays */ });
  }

  function analysisText(analysis) {
    if (!analysis) return '';
    if (typeof analysis === 'string') return analysis;
    var keys = state.locale === 'en' ? ['summary_en', 'summary', 'description', 'text', 'message']
      : ['summary_es', 'summary', 'description', 'text', 'message'];
    for (var i = 0; i < keys.length; i++) {
      if (typeof analysis[keys[i]] === 'string' && analysis[keys[i]]) return analysis[keys[i]];
    }
    return '';
  }
  function showAnalysis(body) {
    var text = analysisText(body && body.analysis);
    if (text) addEntry({ t: 'note', text: text });
  }

  // ---------------------------------------------------------------- start

  function restore() {
    var sid = load('sid');
    if (!sid) return Promise.resolve();
    state.sessionId = sid;
    state.csrfToken = load('csrf');
    var locale = load('locale');
    if (locale) setLocale(locale);
    state.history = Array.isArray(load('history')) ? load('history') : [];
    state.buttons = Array.isArray(load('buttons')) ? load('buttons') : [];
    renderAll();
    return postJSON('/api/session/validate', { sessionId: sid }).then(function (body) {
      if (!body || body.valid !== true) {
        forget();
        renderAll();
        return;
      }
      if (body.csrfToken) state.csrfToken = body.csrfToken;
      if (body.locale) setLocale(body.locale);
      persist();
    }, function (failure) {
      // Offline or the server is down: keep the conversation and tell the customer when they look.
      if (failure && failure.kind === 'offline') showNotice(failure.text, failure);
    });
  }

  function start() {
    build();
    state.restored = restore();
    if (load('open')) {
      state.restored.then(function () { if (!state.open) openQuietly(); });
    }
  }

  /* After a reload the panel comes back as it was, without stealing focus from the page. */
  function openQuietly() {
    state.open = true;
    ui.panel.hidden = false;
    ui.root.classList.add('stichat-is-open');
    ui.launcher.setAttribute('aria-expanded', 'true');
    applyTexts();
    scrollToEnd();
    if (!state.sessionId) greet();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
