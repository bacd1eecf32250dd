// The web chat in the browser: one log per persona, events to /webchat/events, DMs by long poll.

const NEW_CLIENT = 'new';
const POLL_WAIT_SECONDS = 20;
const RETRY_MS = 2000;

const picker = document.getElementById('persona');
const logs = document.getElementById('logs');
const composer = document.getElementById('composer');
const line = document.getElementById('line');
const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
// The browser's language, for the engine to speak (the page itself came in it already).
const locale = navigator.language || null;
// Texts the page shows itself, in its language, with {id} and {error} to fill in.
const texts = document.body.dataset;
const logByPersona = new Map();
let poll = null;

// crypto.randomUUID exists only in secure contexts; a LAN address over http is not one.
function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function logFor(persona) {
  let log = logByPersona.get(persona);
  if (!log) {
    log = document.createElement('section');
    log.className = 'log';
    log.dataset.persona = persona;
    logs.append(log);
    logByPersona.set(persona, log);
  }
  return log;
}

function show(persona) {
  for (const [id, log] of logByPersona) log.hidden = id !== persona;
  const log = logFor(persona);
  log.hidden = false;
  log.scrollIntoView({ block: 'end' });
  return log;
}

function append(log, node) {
  log.append(node);
  node.scrollIntoView({ block: 'end' });
}

function textBubble(kind, text) {
  const el = document.createElement('div');
  el.className = `bubble ${kind}`;
  const p = document.createElement('p');
  p.className = 'text';
  p.textContent = text;
  el.append(p);
  return el;
}

function buttonRows(persona, el, rows) {
  for (const row of rows) {
    const div = document.createElement('div');
    div.className = 'buttons';
    for (const button of row) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `btn btn-${button.style}`;
      b.textContent = button.label;
      b.addEventListener('click', () => act(persona, el, button.data));
      div.append(b);
    }
    el.append(div);
  }
}

function selectBox(persona, el, select) {
  const box = document.createElement('select');
  box.className = 'choice';
  const placeholder = new Option(select.placeholder, '', true, true);
  placeholder.disabled = true;
  box.append(placeholder);
  for (const option of select.options) {
    const o = new Option(option.label, option.data);
    if (option.description) o.title = option.description;
    box.append(o);
  }
  box.addEventListener('change', () => act(persona, el, box.value));
  el.append(box);
}

// A link button (a payment page) opens in a new tab; only http(s) addresses are shown.
function linkRow(el, link) {
  if (!link || !/^https?:\/\//.test(link.url)) return;
  const div = document.createElement('div');
  div.className = 'buttons';
  const a = document.createElement('a');
  a.className = 'btn btn-primary link';
  a.href = link.url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = link.label;
  div.append(a);
  el.append(div);
}

function botBubble(persona, message, kind) {
  const el = textBubble(kind, message.text);
  linkRow(el, message.link);
  buttonRows(persona, el, message.buttons);
  if (message.select) selectBox(persona, el, message.select);
  return el;
}

function setBusy(el, busy) {
  el.classList.toggle('busy', busy);
  for (const control of el.querySelectorAll('button, select')) control.disabled = busy;
}

function render(persona, messages, source) {
  const log = logFor(persona);
  let target = source;
  for (const message of messages) {
    const el = botBubble(persona, message, 'bot');
    // Only the first replacing reply takes the source's place; later ones follow it.
    if (message.replace && target?.isConnected) {
      target.replaceWith(el);
      target = null;
    } else {
      append(log, el);
    }
  }
}

async function post(persona, input, source) {
  if (source) setBusy(source, true);
  try {
    const response = await fetch('/webchat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: persona, timezone, locale, updateId: uuid(), input }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    render(persona, body.messages, source);
  } catch (error) {
    const text = texts.sendFailed.replace('{error}', () => error.message);
    append(logFor(persona), textBubble('error', text));
  } finally {
    if (source?.isConnected) setBusy(source, false);
  }
}

function act(persona, el, data) {
  return post(persona, { kind: 'action', data, text: null }, el);
}

function say(persona, text) {
  append(logFor(persona), textBubble('me', text));
  return post(persona, { kind: 'line', text }, null);
}

// An edit (item.replaces: the seq of the DM it edits) takes that DM's place when it is shown.
function showDm(persona, item) {
  const log = logFor(persona);
  const el = botBubble(persona, item.message, 'dm');
  el.dataset.seq = String(item.seq);
  const old = item.replaces ? log.querySelector(`[data-seq="${item.replaces}"]`) : null;
  if (old) old.replaceWith(el);
  else append(log, el);
}

function cursorKey(persona) {
  return `slotline.webchat.cursor.${persona}`;
}

async function pollInbox(persona, signal) {
  while (!signal.aborted) {
    const params = new URLSearchParams({ user: persona, wait: String(POLL_WAIT_SECONDS) });
    const cursor = localStorage.getItem(cursorKey(persona));
    if (cursor) params.set('cursor', cursor);
    try {
      const response = await fetch(`/webchat/inbox?${params}`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.json();
      for (const item of body.items) showDm(persona, item);
      localStorage.setItem(cursorKey(persona), body.cursor);
    } catch {
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

function addGuest() {
  const id = `guest-${uuid()}`;
  const option = new Option(
    texts.guestLabel.replace('{id}', () => id.slice(6, 10)),
    id,
  );
  picker.insertBefore(option, picker.querySelector(`option[value="${NEW_CLIENT}"]`));
  picker.value = id;
  return id;
}

function activate() {
  const persona = picker.value === NEW_CLIENT ? addGuest() : picker.value;
  const log = show(persona);
  poll?.abort();
  poll = new AbortController();
  pollInbox(persona, poll.signal);
  document.body.dataset.persona = persona;
  if (log.childElementCount === 0) say(persona, '/start');
  line.focus();
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = line.value.trim();
  if (text === '') return;
  line.value = '';
  say(picker.value, text);
});
picker.addEventListener('change', activate);
activate();
