// A TypeScript host, compiled with `tsc --strict --noEmit` against the
// declarations of dist-embed/ (specs/embed-package.spec.mjs).
import { mount, version, type ConsoleConfig, type ModelDetail } from '../../dist-embed/custom-models-console.js';

const config: ConsoleConfig = {
  apiBaseUrl: 'https://api.example.com/v1',
  getToken: async () => 'token',
  onUnauthorized: () => console.warn('signed out'),
  basePath: '/workspace',
  user: { id: 42, name: 'Dana', role: 'ORGADMIN', organization_id: 'org_acme' },
  timeouts: { requestMs: 20_000 },
};

const element = document.createElement('custom-models-console');
element.config = config;
element.setAttribute('theme', 'dark');
element.apiBaseUrl = '/api';
element.path = '/custom-models';
element.addEventListener('cm-model-created', (e) => {
  const model: ModelDetail = e.detail.model;
  console.log(model.name, model.status);
});
document.addEventListener('cm-navigate', (e) => console.log(e.detail.path));

const select = document.querySelector('custom-model-select');
if (select) {
  select.required = true;
  select.name = 'model';
  select.disabled = false;
  const chosen: string = select.value;
  console.log(chosen, select.validity.valueMissing, version);
}

const slot = document.getElementById('slot');
if (slot instanceof HTMLElement) {
  const handle = mount(slot, config);
  handle.unmount();
}
