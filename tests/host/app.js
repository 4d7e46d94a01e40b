// The host's own small router: its links change the URL with pushState and it
// shows the console only under /app/custom-models, adding and removing the
// element as a real workspace frontend would. It records the console's events.
const slot = document.getElementById('console-slot');
const pageName = document.getElementById('host-page');
window.__events = [];
for (const name of ['cm-model-created', 'cm-model-renamed', 'cm-model-deleted', 'cm-training-started',
  'cm-training-finished', 'cm-dataset-uploaded', 'cm-unauthorized', 'cm-navigate']) {
  document.addEventListener(name, (e) => window.__events.push({ type: e.type, detail: e.detail }));
}

function render() {
  const path = location.pathname;
  const inConsole = path.startsWith('/app/custom-models');
  pageName.textContent = inConsole ? 'Models' : path === '/app/reports' ? 'Reports' : 'Dashboard';
  const present = slot.querySelector('custom-models-console');
  if (inConsole && !present) {
    const element = document.createElement('custom-models-console');
    element.setAttribute('api-base-url', '/api');
    element.setAttribute('base-path', '/app');
    slot.append(element);
  } else if (!inConsole && present) {
    present.remove();
  }
}

document.addEventListener('click', (e) => {
  const link = e.target.closest?.('a[data-route]');
  if (!link || e.defaultPrevented) return;
  e.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  dispatchEvent(new PopStateEvent('popstate'));
});
addEventListener('popstate', render);
render();

const form = document.getElementById('transcribe');
document.getElementById('lang').addEventListener('change', (e) => {
  document.getElementById('model').setAttribute('language', e.target.value);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  document.getElementById('submitted').textContent = JSON.stringify(Object.fromEntries(new FormData(form)));
});
