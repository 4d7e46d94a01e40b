// ---- embed/console-element.js: the whole console as an element (after shadow-mount.js).

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

if (!customElements.get('custom-models-console')) customElements.define('custom-models-console', CustomModelsConsole);
