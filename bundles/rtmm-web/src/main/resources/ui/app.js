// RTMM Lab dashboard: plain JS, no framework. Reads the JSON API (/api/...), follows running evaluations through
// server-sent events (/api/evaluations/{id}/events) and falls back to polling when a stream fails. State-changing
// requests carry the token in the X-RTMM-Token header; the token comes from the URL fragment (#token=..., printed
// by the container at start; a fragment never reaches the server) or is pasted, and is kept in sessionStorage.
'use strict';

const TOKEN_KEY = 'rtmm-token';
const POLL_MS = 2000;          // list, results and fallback polling
const state = { evals: new Map(), streams: new Map(), cards: new Map(), failures: 0, lastEvent: new Map(),
                intervals: [], schedulers: [], resultsKey: '' };

// ---------- small DOM helpers (text only: no server string is ever parsed as HTML) ----------
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}
const $ = (sel, root) => (root || document).querySelector(sel);
const fmt = (x, d) => (x === null || x === undefined || Number.isNaN(x)) ? '–' : Number(x).toFixed(d);
const ms = ns => (ns / 1e6).toFixed(0) + ' ms';
const secs = ns => (ns / 1e9).toFixed(2) + ' s';

// ---------- token ----------
function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }
function takeTokenFromUrl() {
  const m = /(?:^#|&)token=([0-9a-fA-F]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);   // out of the address bar and history
  }
}
async function checkToken() {
  const t = token();
  const s = $('#token-state');
  if (!t) { s.textContent = 'no token: read-only'; s.className = 'warn'; return false; }
  const r = await fetch('/api/token', { method: 'POST', headers: { 'X-RTMM-Token': t } });
  const ok = r.status === 204;
  s.textContent = ok ? 'token accepted' : 'token refused (the container writes a new one at each start)';
  s.className = ok ? 'ok' : 'err';
  return ok;
}

// ---------- API ----------
async function api(method, path, body) {
  const headers = {};
  if (method !== 'GET') headers['X-RTMM-Token'] = token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch('/api' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (!r.ok) throw new Error((json && json.error) || (r.status + ' ' + r.statusText));
  return json;
}

// ---------- plugins ----------
async function loadPlugins() {
  const p = await api('GET', '/plugins');
  const tbody = $('#plugins tbody');
  tbody.replaceChildren(...p.plugins.map(x => el('tr', { 'data-id': x.id },
    el('td', {}, x.kind), el('td', {}, x.id + (x.shadowed ? ' (shadowed)' : '')), el('td', {}, x.bundle),
    el('td', {}, x.version), el('td', {}, x.description))));
  $('#failed').replaceChildren(...(p.failed.length ? [el('h3', {}, 'Failed bundles and components'),
    el('ul', {}, p.failed.map(f => el('li', { class: 'err' }, `${f.bundle} ${f.version}${f.component ? ' ' + f.component : ''}: ${f.state}: ${f.reason}`)))] : []));
  const fill = (id, values) => $(id).replaceChildren(...values.map(v => el('option', { value: v })));
  state.schedulers = p.plugins.filter(x => x.kind === 'scheduler').map(x => x.id);
  fill('#scheduler-ids', state.schedulers);
  fill('#scenario-ids', p.scenarios);
  fill('#platform-ids', p.platforms);
  for (const card of state.cards.values()) fillSwapSelect(card.swapSelect);
}

// ---------- start form ----------
function list(v) { return v.split(',').map(s => s.trim()).filter(s => s); }
async function submitStart(ev) {
  ev.preventDefault();
  const msg = $('#start-msg');
  const props = {};
  for (const kv of list($('#f-properties').value)) {
    const i = kv.indexOf('=');
    if (i <= 0) { msg.textContent = `properties: expected key=value, got '${kv}'`; msg.className = 'msg err'; return; }
    props[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  const body = { scenarios: list($('#f-scenarios').value), platforms: list($('#f-platforms').value),
                 schedulers: list($('#f-schedulers').value), seeds: list($('#f-seeds').value || '1').map(Number),
                 pace: $('#f-pace').value, properties: props,
                 reporters: ['json', 'csv', 'html'].concat($('#f-trace').checked ? ['trace'] : []) };
  if ($('#f-duration').value.trim()) body.duration = $('#f-duration').value.trim();
  try {
    const s = await api('POST', '/evaluations', body);
    msg.textContent = `started ${s.id}`; msg.className = 'msg ok';
    update(s);
  } catch (e) { msg.textContent = e.message; msg.className = 'msg err'; }
}

// ---------- evaluations ----------
function fillSwapSelect(sel) {
  const keep = sel.value;
  sel.replaceChildren(...state.schedulers.map(id => el('option', { value: id }, id)));
  if (keep && state.schedulers.includes(keep)) sel.value = keep;
}

function card(s) {
  let c = state.cards.get(s.id);
  if (c) return c;
  c = {};
  c.root = el('div', { class: 'eval', id: 'eval-' + s.id, 'data-id': s.id });
  c.title = el('h3', {});
  c.stateEl = el('span', { class: 'state' });
  c.message = el('div', { class: 'msg' });
  c.bar = el('div', {});
  c.figures = el('div', { class: 'figures' });
  c.swapSelect = el('select', { class: 'swap-select' });
  fillSwapSelect(c.swapSelect);
  c.swapProps = el('input', { class: 'swap-props', size: 14, placeholder: 'key=value, ...',
    title: "the new scheduler's properties (engine.* keys stay with the run)" });
  const act = (op, extra) => async () => {
    try { update(await api('POST', `/evaluations/${encodeURIComponent(s.id)}/${op}`, extra ? extra() : undefined)); c.message.textContent = ''; }
    catch (e) { c.message.textContent = `${op}: ${e.message}`; c.message.className = 'msg err'; }
  };
  c.swapBtn = el('button', { class: 'swap-btn', type: 'button',
    onclick: () => {
      const props = {};
      for (const kv of list(c.swapProps.value)) {
        const i = kv.indexOf('=');
        if (i <= 0) { c.message.textContent = `swap properties: expected key=value, got '${kv}'`; c.message.className = 'msg err'; return; }
        props[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
      }
      state.swapClickedAt = performance.now(); state.swapTarget = c.swapSelect.value;
      act('swap', () => ({ scheduler: c.swapSelect.value, properties: props }))();
    } }, 'swap');
  c.pauseBtn = el('button', { class: 'pause-btn secondary', type: 'button', onclick: act('pause') }, 'pause');
  c.resumeBtn = el('button', { class: 'resume-btn secondary', type: 'button', onclick: act('resume') }, 'resume');
  c.cancelBtn = el('button', { class: 'cancel-btn danger', type: 'button', onclick: act('cancel') }, 'cancel');
  c.controls = el('div', { class: 'controls' }, 'scheduler ', c.swapSelect, c.swapProps, c.swapBtn, c.pauseBtn,
                  c.resumeBtn, c.cancelBtn);
  c.chart = el('div', {});
  c.swaps = el('div', { class: 'swaps' });
  c.links = el('div', { class: 'links' });
  c.root.append(el('div', {}, c.title, c.stateEl, c.message, el('div', { class: 'bar' }, c.bar), c.figures, c.controls, c.links),
                el('div', {}, c.chart, c.swaps));
  state.cards.set(s.id, c);
  const box = $('#evaluations');
  $('.empty', box)?.remove();
  box.prepend(c.root);
  return c;
}

function update(s) {
  state.evals.set(s.id, s);
  const c = card(s);
  const r = s.request || {};
  c.title.textContent = `${s.id}  ${(r.scenarios || []).join(', ')} on ${(r.platforms || []).join(', ')}`;
  c.stateEl.textContent = s.state.replaceAll('_', ' ');
  c.stateEl.className = 'state ' + s.state;
  c.root.setAttribute('data-state', s.state);
  c.root.setAttribute('data-scheduler', s.scheduler || '');
  if (s.message) { c.message.textContent = s.message; c.message.className = 'msg warn'; }
  c.bar.style.width = (100 * (s.progress || 0)).toFixed(1) + '%';
  const live = s.live || {};
  const pace = r.pace ? r.pace + 'x' : 'max';
  c.figures.replaceChildren(
    'scheduler', el('b', { class: 'scheduler' }, s.scheduler || '–'),
    'progress', el('b', { class: 'progress' }, `${fmt(100 * (s.progress || 0), 1)}% (${secs(s.simulatedNs || 0)} of ${s.horizonNs ? secs(s.horizonNs) : '?'}, runs ${s.runsDone}/${s.runsTotal}, pace ${pace})`),
    'XRBench score', el('b', { class: 'score' }, fmt(live['xrbench.score'], 2)),
    'miss rate', el('b', { class: 'miss' }, live.missRate === undefined ? '–' : fmt(100 * live.missRate, 1) + ' %'),
    'energy', el('b', { class: 'energy' }, live['energy.mJ'] === undefined ? '–' : fmt(live['energy.mJ'], 1) + ' mJ'),
    'frames', el('b', {}, `${live.released ?? '–'} released, ${live.onTime ?? '–'} on time, ${live.late ?? '–'} late, ${live.dropped ?? '–'} dropped`));
  const running = !s.final;
  c.swapBtn.disabled = !running || !s.singleRun || s.state === 'QUEUED';
  c.swapSelect.disabled = c.swapBtn.disabled;
  c.swapProps.disabled = c.swapBtn.disabled;
  c.pauseBtn.disabled = s.state !== 'RUNNING';
  c.resumeBtn.disabled = s.state !== 'PAUSED';
  c.cancelBtn.disabled = !running;
  c.chart.replaceChildren(chart(s));
  c.swaps.replaceChildren(...(s.swaps || []).map(w => el('div', { class: 'swap' },
    `swap at ${ms(w.timeNs)}: ${w.fromScheduler} (${w.fromBundle} ${w.fromVersion}) → ${w.toScheduler} (${w.toBundle} ${w.toVersion})`)));
  if (state.swapTarget && s.scheduler === state.swapTarget && state.swapClickedAt) {
    // time from the click to the new scheduler showing on the page (for the README's figure and the browser test)
    document.body.setAttribute('data-swap-latency-ms', (performance.now() - state.swapClickedAt).toFixed(0));
    state.swapClickedAt = null;
  }
  if (s.final) {
    closeStream(s.id);
    c.links.replaceChildren(el('a', { class: 'result-link', href: '#result-' + s.id }, 'results below'));
    loadResults();
  } else if (!state.streams.has(s.id)) {
    openStream(s.id);
  }
}

// An inline SVG chart of the closed metrics windows: score (0..100) and miss rate (0..100 %), swap markers.
function chart(s) {
  const W = 600, H = 150, L = 34, B = 18, T = 8, R = 8;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart'); svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const add = (tag, attrs, text) => { const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  const pts = s.windows || [];
  const end = Math.max(s.horizonNs || 0, pts.length ? pts[pts.length - 1].endNs : 1, 1);
  const x = t => L + (W - L - R) * t / end;
  const y = v => T + (H - T - B) * (1 - v / 100);
  for (const v of [0, 50, 100]) { add('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e3e7ee' });
    add('text', { x: 2, y: y(v) + 4, 'font-size': 10, fill: '#778' }, String(v)); }
  add('text', { x: W - R - 2, y: H - 4, 'font-size': 10, fill: '#778', 'text-anchor': 'end' }, secs(end));
  const line = (f, color, cls) => { if (!pts.length) return;
    add('polyline', { class: cls, fill: 'none', stroke: color, 'stroke-width': 2,
      points: pts.map(p => `${x((p.startNs + p.endNs) / 2).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ') }); };
  line(p => p.score, '#2f5bd3', 'score-line');
  line(p => 100 * p.missRate, '#d0453b', 'miss-line');
  for (const w of s.swaps || []) {
    add('line', { class: 'swap-marker', x1: x(w.timeNs), x2: x(w.timeNs), y1: T, y2: H - B, stroke: '#b57a00', 'stroke-dasharray': '4 3' });
    add('text', { x: x(w.timeNs) + 3, y: T + 10, 'font-size': 10, fill: '#b57a00' }, '→ ' + w.toScheduler);
  }
  if (s.simulatedNs && !s.final) add('line', { x1: x(s.simulatedNs), x2: x(s.simulatedNs), y1: T, y2: H - B, stroke: '#aab' });
  const wrap = el('div', {}, svg, el('div', { class: 'legend' }, el('i', { style: 'background:#2f5bd3' }), 'score per window',
    el('i', { style: 'background:#d0453b' }), 'miss rate per window (%)', el('i', { style: 'background:#b57a00' }), 'swap',
    ` (${pts.length} windows)`));
  return wrap;
}

// ---------- live updates: SSE per running evaluation, polling as the fallback ----------
function openStream(id) {
  if (!window.EventSource || state.failures > 3) return;          // polling covers it
  const es = new EventSource(`/api/evaluations/${encodeURIComponent(id)}/events`);
  state.streams.set(id, es);
  es.addEventListener('status', e => {
    const now = performance.now(), last = state.lastEvent.get(id);
    if (last !== undefined) { state.intervals.push(now - last); if (state.intervals.length > 50) state.intervals.shift(); }
    state.lastEvent.set(id, now);
    const sorted = [...state.intervals].sort((a, b) => a - b);
    if (sorted.length) {
      const median = sorted[Math.floor(sorted.length / 2)];
      document.body.setAttribute('data-sse-interval-ms', median.toFixed(0));
      $('#live-mode').textContent = `live (server-sent events, one update every ~${median.toFixed(0)} ms)`;
    }
    update(JSON.parse(e.data));
  });
  es.addEventListener('end', () => closeStream(id));
  es.onerror = () => { if (es.readyState === EventSource.CLOSED) { closeStream(id); state.failures++; } };
}
function closeStream(id) {
  const es = state.streams.get(id);
  if (es) { es.close(); state.streams.delete(id); }
}

async function poll() {
  try {
    const list = await api('GET', '/evaluations');
    for (const s of list.slice().reverse()) {
      const known = state.evals.get(s.id);
      // streamed evaluations are updated by their stream; the rest (new, finished, or no stream) by the poll
      if (!known || !state.streams.has(s.id) || s.final) update(s);
    }
    if (!state.streams.size) $('#live-mode').textContent = state.failures > 3 ? 'polling every 2 s' : $('#live-mode').textContent;
    $('#status-line').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) { $('#status-line').textContent = 'API: ' + e.message; }
}

// ---------- results ----------
async function loadResults() {
  let results;
  try { results = await api('GET', '/results'); } catch (e) { return; }
  const key = JSON.stringify(results.map(r => [r.id, r.state, r.files.length]));
  if (key === state.resultsKey) return;
  state.resultsKey = key;
  const want = f => /(^|\/)(report\.html|compare\.html|trace\.json|trace\.perfetto-trace|summary\.json|config\.json)$/.test(f) || f.endsWith('.csv');
  $('#results tbody').replaceChildren(...results.map(r => el('tr', { id: 'result-' + r.id, 'data-state': r.state },
    el('td', {}, r.id), el('td', { class: 'state ' + r.state }, r.state.toLowerCase() + (r.message ? ': ' + r.message : '')),
    el('td', {}, r.scenarios.join(', ')), el('td', {}, r.platforms.join(', ')), el('td', {}, r.schedulers.join(' → ')),
    el('td', {}, r.ended ? new Date(r.ended).toLocaleString() : ''),
    el('td', {}, r.files.filter(want).map(f => [el('a', {
      class: f.endsWith('report.html') ? 'report' : /(^|\/)trace\.(json|perfetto-trace)$/.test(f) ? 'trace' : 'file',
      href: `/api/results/${encodeURIComponent(r.id)}/${f.split('/').map(encodeURIComponent).join('/')}`,
      target: f.endsWith('.html') ? '_blank' : undefined }, f), ' '])))));
}

// ---------- start ----------
async function main() {
  takeTokenFromUrl();
  $('#token-use').addEventListener('click', () => { sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim()); $('#token').value = ''; checkToken(); });
  $('#start-form').addEventListener('submit', submitStart);
  await checkToken().catch(() => {});
  await loadPlugins().catch(e => { $('#status-line').textContent = 'plugins: ' + e.message; });
  await poll();
  await loadResults();
  setInterval(poll, POLL_MS);
  setInterval(loadResults, 3 * POLL_MS);
  setInterval(() => loadPlugins().catch(() => {}), 15 * POLL_MS);
}
main();
