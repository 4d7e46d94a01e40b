
// ---- embed/shadow-mount.js, appended by scripts/build-embed.sh to wasm-bindgen's
// module, then the elements (console-element.js and select-element.js for the
// whole console; select-element.js alone for custom-model-select.js): importing
// that one file loads the WASM from beside it (wasm-bindgen resolves it against
// import.meta.url) and defines the elements.

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

