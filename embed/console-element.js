// ---- embed/console-element.js: the whole console as an element (after shadow-mount.js).

/** `<custom-models-console api-base-url base-path theme path>`: the whole console in an open shadow root. */
class CustomModelsConsole extends ShadowMount {
  static observedAttributes = ['api-base-url', 'base-path', 'theme', 'path'];
  static properties = ['config', 'getToken', 'user', 'onUnauthorized', 'apiBaseUrl', 'basePath', 'theme', 'path'];
  #config = {};
  #getToken;
  #user;
  #onUnauthorized;

  get config() { return { ...this.#config }; }
  set config(value) { this.#config = { ...(value ?? {}) }; this.restart(); }
  get getToken() { return this.#getToken; }
  set getToken(value) { this.#getToken = value; this.restart(); }
  get user() { return this.#user; }
  set user(value) { this.#user = value; this.restart(); }
  get onUnauthorized() { return this.#onUnauthorized; }
  set onUnauthorized(value) { this.#onUnauthorized = value; this.restart(); }

  /** The console's path under its base path (`/custom-models/m1`). Setting it moves
   * the console there as one of its links would, for a host whose own router
   * does not put the console's paths in the URL. */
  get path() {
    const here = location.pathname + location.search;
    const base = this.#basePath();
    if (!here.startsWith(base)) return this.getAttribute('path') ?? '';
    return here.slice(base.length) || '/';
  }
  set path(value) { if (value == null) this.removeAttribute('path'); else this.setAttribute('path', String(value)); }

  attributeChangedCallback(name) {
    // Before the first mount (at upgrade, say) the mount reads them all.
    if (name === 'path') { if (this.mounted) this.#go(false); } else this.restart();
  }

  mountInto(slot) {
    // A `path` given before the console started is where it opens, without a history entry of its own.
    this.#go(true);
    return mount(slot, this.#settings());
  }

  /** Puts `path` in the URL; the console follows the URL (see src/host_navigation.rs). */
  #go(replace) {
    const path = this.getAttribute('path');
    if (!path || !this.isConnected) return;
    const target = this.#basePath() + (path.startsWith('/') ? path : `/${path}`);
    if (target === location.pathname + location.search) return;
    if (replace) history.replaceState(history.state, '', target);
    else history.pushState(null, '', target);
  }

  #basePath() {
    return (this.getAttribute('base-path') ?? this.#config.basePath ?? '').replace(/\/+$/, '');
  }

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
}
reflect(CustomModelsConsole, 'apiBaseUrl', 'api-base-url');
reflect(CustomModelsConsole, 'basePath', 'base-path');
reflect(CustomModelsConsole, 'theme', 'theme');

if (!customElements.get('custom-models-console')) customElements.define('custom-models-console', CustomModelsConsole);
