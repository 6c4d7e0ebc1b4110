// What every page shares: the log-in (a session cookie both sides recognise; the page keeps no password),
// calls to both sides, the server's RFC 9457 problems shown as it wrote them, polling, and a small DOM builder
// that only writes text. The ledger stores hostile strings verbatim: nothing from the server ever goes through
// innerHTML. Every call asks for the page's language (Accept-Language), so the server's problems come in it too.
import { languageSwitch, locale, name, t } from './i18n.js';

const POSITION = 'ticket-ledger.position';
const FAREWELL = 'ticket-ledger.farewell';

// --- DOM -------------------------------------------------------------------------------------------------------

function build(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') node.setAttribute('class', value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  // Strings become Text nodes: markup in them is shown, never parsed.
  node.append(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (child instanceof Node ? child : String(child))));
  return node;
}

/** An HTML element: h('td', {class: 'num'}, text, otherNode). Attributes named on… take listeners. */
export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element, as h() builds HTML ones. */
export function svg(tag, attributes, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

const rendered = new WeakMap();

/**
 * Replaces the node's children with render(data) only when the data differ from what it shows: a poll that
 * finds nothing new touches nothing, so nothing flickers and no focus or scroll position is lost.
 */
export function renderIfChanged(node, data, render) {
  const fingerprint = JSON.stringify(data);
  if (rendered.get(node) === fingerprint) return false;
  rendered.set(node, fingerprint);
  node.replaceChildren(...[render(data)].flat(Infinity).filter(Boolean));
  return true;
}

const TIME_FORMATS = {
  full: new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }),
  short: new Intl.DateTimeFormat(locale, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
};

/** An instant as local time (full, or short for tables), the exact ISO value in its title. */
export function time(iso, format = 'full') {
  if (!iso) return h('span', { class: 'none' }, '—');
  return h('time', { datetime: iso, title: iso }, TIME_FORMATS[format].format(new Date(iso)));
}

/** A datetime-local value (local time, milliseconds) for an instant. */
export function localInputValue(date) {
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

// --- problems --------------------------------------------------------------------------------------------------

/** An answer that was not 2xx, or no answer at all, carrying the problem the server sent. */
class Problem extends Error {
  constructor(status, body) {
    const problem = body && typeof body === 'object' ? body : {};
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || (status ? `HTTP ${status}` : t('problem.noAnswer'));
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** The problem as the server wrote it: status and title, detail, and each field error. */
export function problemView(error) {
  const problem = error instanceof Problem ? error : new Problem(0, { title: t('problem.page'), detail: String(error?.message ?? error) });
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', { class: 'problem-title' }, problem.status ? `${problem.status} ${problem.title}` : problem.title),
    problem.detail && h('p', { class: 'problem-detail' }, problem.detail),
    problem.errors.length > 0 && h('ul', { class: 'problem-errors' },
      problem.errors.map((e) => h('li', {}, h('code', {}, e.field ?? ''), ': ', e.message ?? ''))));
}

// --- the session -----------------------------------------------------------------------------------------------

// The logged-in person ({name, role, organisation, level, csrf}) as GET /api/me answered, or null. Held in memory
// only: the session itself is an HttpOnly cookie the page cannot read, and no password is kept anywhere.
let person = null;

/** Who the session cookie belongs to, or null when there is none (or it has ended). */
async function whoIsLoggedIn() {
  try {
    return (await call('/api/me')).data;
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

/** Posts the form's user and password to the log-in; a wrong pair throws the server's 401 problem. */
async function logIn(user, password) {
  await call('/api/login', { method: 'POST', form: { username: user, password } });
}

/** Ends the session on the server (for both sides), then shows the log-in form again. */
async function logOut() {
  try {
    await call('/api/logout', { method: 'POST' });
  } finally {
    sessionStorage.removeItem(POSITION);
    location.reload();
  }
}

/** The session ended under the page (logged out elsewhere, or idle too long): back to the form, saying why. */
function sessionEnded(problem) {
  person = null;
  sessionStorage.removeItem(POSITION);
  sessionStorage.setItem(FAREWELL, JSON.stringify({ status: problem.status, title: problem.title, detail: problem.detail }));
  location.reload();
}

/** The newest ledger position this tab wrote: reads wait until their projection has it (read-your-writes). */
function knownPosition() {
  return Number(sessionStorage.getItem(POSITION)) || null;
}

function rememberPosition(position) {
  if (Number.isSafeInteger(position) && position > (knownPosition() ?? -1)) {
    sessionStorage.setItem(POSITION, String(position));
  }
}

// --- calls -----------------------------------------------------------------------------------------------------

async function call(url, { method = 'GET', body, form, files, headers = {} } = {}) {
  const request = {
    method,
    // The session cookie is the only credential, to the query side and to the command side (CORS with
    // credentials); every other request of the session carries its CSRF token.
    credentials: 'include',
    cache: 'no-store',
    headers: { Accept: 'application/json', 'Accept-Language': locale, 'X-Requested-With': 'XMLHttpRequest', ...headers },
  };
  if (method !== 'GET' && person?.csrf) request.headers[person.csrf.headerName] = person.csrf.token;
  if (form !== undefined) {
    request.body = new URLSearchParams(form);
  } else if (files !== undefined) {
    request.body = files; // FormData: the browser writes the multipart Content-Type and its boundary
  } else if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, request);
  } catch (error) {
    throw new Problem(0, { title: t('problem.noAnswer'), detail: t('problem.unreachable', { url, message: error.message }) });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 300) };
    }
  }
  if (!response.ok) {
    const problem = new Problem(response.status, data);
    // A session that worked and no longer does: back to the log-in form, saying why.
    if (response.status === 401 && person) sessionEnded(problem);
    throw problem;
  }
  return { data, headers: response.headers };
}

/** A read of the query side, after this tab's own last write. */
export async function read(path) {
  const position = knownPosition();
  try {
    return (await call(path, { headers: position ? { 'X-Ledger-Position': String(position) } : {} })).data;
  } catch (error) {
    // A position the projection never reaches (a ledger started afresh) must not stall every later read.
    if (error.status === 503 && position) sessionStorage.removeItem(POSITION);
    throw error;
  }
}

/** Every item of a keyset-paginated list, up to maxPages pages; truncated tells whether more were left. */
export async function readAll(path, { pageSize = 200, maxPages = 10 } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await read(`${path}${separator}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}

/** A POST to the query side (projection rebuilds). */
export async function post(path) {
  return (await call(path, { method: 'POST' })).data;
}

let pageConfig;

/** The query side's settings for its pages: where the command side is, and the acceptance period. */
function config() {
  pageConfig ??= call('/ui/config.json').then(({ data }) => data);
  return pageConfig;
}

/** The desk's settings the pages show: the automatic acceptance's period ({autoAcceptAfter}, as written: "5d"). */
export async function deskSettings() {
  const { autoAcceptAfter } = await config();
  return { autoAcceptAfter };
}

/**
 * A command to the command side: If-Match with the version the person acted on, an Idempotency-Key so that a
 * retry writes nothing twice. Answers {ticketId, number, version, position} ({clientId, version, position} for the
 * client register, whose contract and contacts are PUTs).
 */
export async function command(path, body, { version, key, method = 'POST' } = {}) {
  const { commandBaseUrl } = await config();
  const headers = {};
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  if (key) headers['Idempotency-Key'] = key;
  const { data, headers: answer } = await call(commandBaseUrl + path, { method, body: body ?? {}, headers });
  rememberPosition(Number(answer.get('X-Ledger-Position') ?? data?.position));
  return data;
}

/**
 * An attachment to the command side: a multipart form of the file and its visibility, with If-Match and an
 * Idempotency-Key like any command. Answers {ticketId, number, version, position}.
 */
export async function attach(path, file, visibility, { version, key } = {}) {
  const { commandBaseUrl } = await config();
  const headers = {};
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  if (key) headers['Idempotency-Key'] = key;
  const files = new FormData();
  files.append('file', file, file.name);
  files.append('visibility', visibility);
  const { data, headers: answer } = await call(commandBaseUrl + path, { method: 'POST', files, headers });
  rememberPosition(Number(answer.get('X-Ledger-Position') ?? data?.position));
  return data;
}

function newKey() {
  // getRandomValues also works where crypto.randomUUID does not (a page served over plain http off localhost).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The form's fields as a plain object; empty optional fields are left out rather than sent as "". */
function values(form) {
  const result = {};
  for (const [name, value] of new FormData(form)) {
    if (value !== '') result[name] = value;
  }
  return result;
}

/**
 * Runs action(values, key) on submit. The key is the form's Idempotency-Key: kept across retries of the same
 * input, renewed once the input changes or the command succeeds. Refusals are shown in the form, which keeps
 * what was typed; success resets it and shows what the action answered in `result` (by default the form's own
 * output; a form the new status hides reports to its page instead).
 */
export function onSubmit(form, action, { result } = {}) {
  const output = form.querySelector('.output') ?? form.appendChild(h('div', { class: 'output' }));
  const answered = result ?? output;
  form.addEventListener('input', () => delete form.dataset.key);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    form.dataset.key ??= newKey();
    form.setAttribute('aria-busy', 'true');
    form.querySelectorAll('button').forEach((button) => { button.disabled = true; });
    output.replaceChildren();
    answered.replaceChildren();
    try {
      const done = await action(values(form), form.dataset.key);
      delete form.dataset.key;
      form.reset();
      if (done) answered.replaceChildren(h('p', { class: 'done', role: 'status' }, done));
    } catch (error) {
      output.replaceChildren(problemView(error));
    } finally {
      form.removeAttribute('aria-busy');
      form.querySelectorAll('button').forEach((button) => { button.disabled = false; });
    }
  });
}

/** Shows or hides a form; a hidden form forgets what its last command answered, which no longer applies. */
export function offer(form, shown) {
  if (!shown && !form.hidden) form.querySelector('.output')?.replaceChildren();
  form.hidden = !shown;
}

// --- polling ---------------------------------------------------------------------------------------------------

/**
 * Runs task now and then again every `interval` ms (a number, or a function answering one), never two at once;
 * slower while the tab is hidden. now() runs it at once, e.g. after a command. Failures are shown in the page's
 * status line and retried at the next tick.
 */
export function poll(task, interval = 2500) {
  let timer = null;
  let running = false;
  let again = false;
  async function tick() {
    clearTimeout(timer);
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
      status(null);
    } catch (error) {
      status(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        tick();
      } else {
        const every = typeof interval === 'function' ? interval() : interval;
        timer = setTimeout(tick, document.hidden ? every * 4 : every);
      }
    }
  }
  tick();
  return { now: tick };
}

function status(error) {
  const line = document.getElementById('status-line');
  if (!line) return;
  if (error) {
    line.className = 'status-line failing';
    line.replaceChildren(t('status.failed'), problemView(error));
  } else {
    line.className = 'status-line';
    line.replaceChildren(t('status.current', { time: new Date().toLocaleTimeString(locale) }));
  }
}

// --- the page shell --------------------------------------------------------------------------------------------

const PAGES = [
  ['index.html', 'Home'],
  ['client.html', t('page.client')],
  ['engineer.html', t('page.engineer')],
  ['sla.html', t('page.sla')],
  ['audit.html', t('page.audit')],
];

function header(current) {
  const here = location.pathname.split('/').pop() || 'index.html';
  return h('header', { class: 'bar' },
    h('a', { class: 'brand', href: 'index.html' }, t('app.name')),
    h('nav', {}, PAGES.slice(1).map(([href, label]) =>
      h('a', { href, 'aria-current': href === here ? 'page' : false }, label))),
    current && h('span', { class: 'who' },
      h('span', { id: 'who' }, describe(current)),
      h('button', { type: 'button', class: 'secondary', id: 'logout', onclick: () => logOut().catch(() => {}) }, t('logout'))),
    languageSwitch());
}

function describe(current) {
  return `${current.name} · ${name('role', current.role)}${current.organisation ? ` · ${current.organisation}` : ''}`
    + `${current.level ? ` · ${current.level}` : ''}`;
}

function loginForm() {
  const output = h('div', { class: 'output' });
  const farewell = sessionStorage.getItem(FAREWELL);
  if (farewell) {
    sessionStorage.removeItem(FAREWELL);
    output.append(h('p', {}, t('login.ended')), problemView(new Problem(0, JSON.parse(farewell))));
  }
  const form = h('form', { id: 'login-form', method: 'post', autocomplete: 'on' },
    h('label', {}, t('login.user'), h('input', { name: 'user', autocomplete: 'username', required: true, autofocus: true })),
    h('label', {}, t('login.password'), h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit' }, t('login.submit')),
    output);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    output.replaceChildren();
    try {
      await logIn(form.elements.user.value, form.elements.password.value);
      form.reset(); // the password leaves the page with the form
      location.reload();
    } catch (error) {
      output.replaceChildren(problemView(error));
    }
  });
  return h('section', { class: 'card narrow', id: 'login' }, h('h2', {}, t('login.title')), form);
}

/**
 * Puts the header on the page, then either the login form or the page itself (the <main id="page"> of its
 * HTML) for the roles it serves; start(person) fills it. An open page shows without logging in.
 */
export async function startPage({ roles, start, open = false }) {
  let current;
  try {
    current = await whoIsLoggedIn();
  } catch (error) {
    document.body.prepend(header(null), h('main', {}, h('section', { class: 'card narrow' }, problemView(error))));
    return;
  }
  person = current;
  document.body.prepend(header(current));
  const main = document.getElementById('page');
  if (open) {
    main.hidden = false;
    return;
  }
  if (!current) {
    main.before(loginForm());
    return;
  }
  main.hidden = false;
  if (roles && !roles.includes(current.role)) {
    main.replaceChildren(h('section', { class: 'card narrow', role: 'alert' },
      h('p', {}, t('role.wrong', { roles: roles.map((role) => name('role', role)).join(', '), who: describe(current) })),
      h('p', {}, h('a', { href: 'index.html' }, t('role.choose')), t('role.or'))));
    return;
  }
  main.querySelector('h1').after(h('p', { id: 'status-line', class: 'status-line', role: 'status' }, t('status.loading')));
  start(current);
}
