
// ---- embed/elements.js, appended by scripts/build-embed.sh to wasm-bindgen's
// module: importing this one file loads the WASM from beside it (wasm-bindgen
// resolves it against import.meta.url) and defines the console's elements.

await __wbg_init();

/** The package's semver version. */
export const version = __CM_VERSION__;

const styleText = __CM_STYLES__;
let sheet;
/** One constructed stylesheet shared by every shadow root (CSP-safe: no inline style). */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styleText);
  }
  return sheet;
}

/** What both elements share: an open shadow root with the console's styles, and
 * one Rust mount inside it that starts when connected and stops when removed. */
class ShadowMount extends HTMLElement {
  #handle = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
  }

  get mounted() { return this.#handle; }

  disconnectedCallback() { this.stop(); }

  stop() {
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
    this.shadowRoot.replaceChildren();
  }

  /** Mounts afresh (when connected): `mountInto(slot)` returns the Rust handle. */
  start(mountInto) {
    if (!this.isConnected) return;
    this.stop();
    const slot = document.createElement('div');
    this.shadowRoot.append(slot);
    this.#handle = mountInto(slot);
  }
}

/** `<custom-models-console>`: the whole console in an open shadow root. */
class CustomModelsConsole extends ShadowMount {
  static observedAttributes = ['api-base-url', 'base-path', 'theme'];
  #config = {};
  #getToken;
  #user;
  #onUnauthorized;

  get config() { return { ...this.#config }; }
  set config(value) { this.#config = { ...(value ?? {}) }; this.#restart(); }
  get getToken() { return this.#getToken; }
  set getToken(value) { this.#getToken = value; this.#restart(); }
  get user() { return this.#user; }
  set user(value) { this.#user = value; this.#restart(); }
  get onUnauthorized() { return this.#onUnauthorized; }
  set onUnauthorized(value) { this.#onUnauthorized = value; this.#restart(); }

  connectedCallback() { this.#restart(); }
  // Attributes present at upgrade arrive before connectedCallback; only later changes restart.
  attributeChangedCallback() { if (this.mounted) this.#restart(); }

  #settings() {
    const config = { ...this.#config, manualMount: true };
    const attribute = (name, key) => { if (this.hasAttribute(name)) config[key] = this.getAttribute(name); };
    attribute('api-base-url', 'apiBaseUrl');
    attribute('base-path', 'basePath');
    attribute('theme', 'theme');
    if (this.#getToken) config.getToken = this.#getToken;
    if (this.#user) config.user = this.#user;
    if (this.#onUnauthorized) config.onUnauthorized = this.#onUnauthorized;
    return config;
  }

  #restart() {
    this.start((slot) => mount(slot, this.#settings()));
  }
}

/** `<custom-model-select>`: the trained-model picker, form-associated. */
class CustomModelSelect extends ShadowMount {
  static formAssociated = true;
  static observedAttributes = ['language', 'required', 'api-base-url'];
  #internals;
  #value = '';
  #config = {};
  #getToken;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  get value() { return this.#value; }
  set value(value) {
    this.#value = value ?? '';
    this.mounted?.setValue(this.#value);
    this.#sync();
  }
  get name() { return this.getAttribute('name') ?? ''; }
  get required() { return this.hasAttribute('required'); }
  set required(on) { this.toggleAttribute('required', Boolean(on)); }
  get form() { return this.#internals.form; }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }
  get config() { return { ...this.#config }; }
  set config(value) { this.#config = { ...(value ?? {}) }; this.#restart(); }
  get getToken() { return this.#getToken; }
  set getToken(value) { this.#getToken = value; this.#restart(); }

  connectedCallback() { this.#restart(); }
  attributeChangedCallback(name) {
    if (!this.mounted) return; // at upgrade, before connectedCallback
    if (name === 'language') this.mounted.setLanguage(this.getAttribute('language') ?? '');
    else if (name === 'required') this.#sync();
    else this.#restart();
  }
  formResetCallback() { this.value = ''; }

  #sync() {
    this.#internals.setFormValue(this.#value);
    if (this.required && !this.#value) {
      this.#internals.setValidity({ valueMissing: true }, 'Choose a trained custom model.');
    } else {
      this.#internals.setValidity({});
    }
  }

  #restart() {
    const config = { ...this.#config, manualMount: true };
    if (this.hasAttribute('api-base-url')) config.apiBaseUrl = this.getAttribute('api-base-url');
    if (this.#getToken) config.getToken = this.#getToken;
    config.onChange = (value) => {
      if (value === this.#value) return; // the host's own assignment, not a change
      this.#value = value;
      this.#sync();
      this.dispatchEvent(new Event('change', { bubbles: true }));
    };
    this.start((slot) => mountModelSelect(slot, config, this.getAttribute('language') ?? ''));
    if (this.#value) this.mounted.setValue(this.#value);
    this.#sync();
  }
}

if (!customElements.get('custom-models-console')) customElements.define('custom-models-console', CustomModelsConsole);
if (!customElements.get('custom-model-select')) customElements.define('custom-model-select', CustomModelSelect);
