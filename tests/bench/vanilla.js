// Direct-DOM rendering of the models table, for the benchmark's floor.
const LABELS = { 1: ['Not Running', 'gray'], 2: ['Ready to Run', 'amber'], 3: ['Running', 'blue'], 4: ['Success', 'green'], 5: ['Failed', 'red'] };
const LANGUAGES = { 'en-US': 'English (US)', 'en-GB': 'English (UK)', 'de-DE': 'German', 'fr-FR': 'French', 'es-ES': 'Spanish' };
const state = { all: [], order: [], lower: [], page: 1, size: 25, search: '', asc: false };
const $ = (id) => document.getElementById(id);

function visible() {
  const hits = state.search ? state.order.filter((i) => state.lower[i].includes(state.search)) : state.order;
  return state.asc ? [...hits].reverse() : hits;
}

function render() {
  const hits = visible();
  const start = (state.page - 1) * state.size;
  const tbody = $('rows');
  tbody.textContent = '';
  for (const i of hits.slice(start, start + state.size)) {
    const m = state.all[i];
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    const a = document.createElement('a');
    a.href = `/custom-models/${encodeURIComponent(m.id)}`;
    a.textContent = m.name;
    name.append(a);
    const status = document.createElement('td');
    const badge = document.createElement('span');
    const [label, colour] = LABELS[m.status];
    badge.className = `cm-badge cm-badge--${colour}`;
    badge.textContent = label;
    status.append(badge);
    const lang = document.createElement('td');
    lang.textContent = LANGUAGES[m.language] ?? m.language;
    const date = document.createElement('td');
    const time = document.createElement('time');
    time.textContent = new Date(m.last_modified).toLocaleDateString();
    date.append(time);
    const menu = document.createElement('td');
    const button = document.createElement('button');
    button.textContent = '⋮';
    menu.append(button);
    tr.append(name, status, lang, date, menu);
    tbody.append(tr);
  }
  const last = Math.min(start + state.size, hits.length);
  $('range').textContent = hits.length ? `${start + 1}–${last} of ${hits.length}` : '0 of 0';
}

async function main() {
  const n = new URLSearchParams(location.search).get('n') || '100';
  state.all = await (await fetch(`/bench/data/models-${n}.json`)).json();
  state.lower = state.all.map((m) => m.name.toLowerCase());
  const time = state.all.map((m) => Date.parse(m.last_modified));
  state.order = state.all.map((_, i) => i).sort((a, b) => time[b] - time[a] || (state.all[a].id < state.all[b].id ? 1 : -1));
  render();
  window.__rowsAt = performance.now();
  $('next').addEventListener('click', (e) => { e.preventDefault(); state.page += 1; render(); });
  $('size').addEventListener('change', (e) => { state.size = Number(e.target.value); state.page = 1; render(); });
  $('search').addEventListener('input', (e) => { state.search = e.target.value.trim().toLowerCase(); state.page = 1; render(); });
  $('sort').addEventListener('click', () => { state.asc = !state.asc; state.page = 1; render(); });
}
main();
