
// ---- embed/shadow-mount.js, appended by scripts/build-embed.sh to wasm-bindgen's
// module, then the elements (console-element.js and select-element.js for the
// whole console; select-element.js alone for custom-model-select.js): importing
// that one file loads the WASM from beside it (wasm-bindgen resolves it against
// import.meta.url, which bundlers follow as an asset) and defines the elements.

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

/** Defines `property` on `element`'s prototype as its `attribute`, as native
 * elements do: a string ("" when absent; null or undefined removes it) or,
 * for `boolean`, the attribute's presence. */
function reflect(element, property, attribute, boolean = false) {
  Object.defineProperty(element.prototype, property, boolean ? {
    get() { return this.hasAttribute(attribute); },
    set(on) { this.toggleAttribute(attribute, Boolean(on)); },
    configurable: true,
  } : {
    get() { return this.getAttribute(attribute) ?? ''; },
    set(value) { if (value == null) this.removeAttribute(attribute); else this.setAttribute(attribute, String(value)); },
    configurable: true,
  });
}

/** What both elements share: an open shadow root with the console's styles, and
 * one Rust mount inside it that starts when connected and stops when removed. */
class ShadowMount extends HTMLElement {
  /** Properties a page may have set before the element was defined (subclasses list theirs). */
  static properties = [];
  #handle = null;
  #queued = false;

  constructor(shadow = {}) {
    super();
    this.attachShadow({ mode: 'open', ...shadow }).adoptedStyleSheets = [styles()];
  }

  get mounted() { return this.#handle; }

  connectedCallback() {
    // A page that set a property before this module ran put it on the instance,
    // where it hides our accessor: take it and set it again through the accessor.
    // (Not in the constructor: a subclass's private fields do not exist yet there.)
    for (const property of this.constructor.properties) {
      if (Object.hasOwn(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
    this.restart();
  }
  disconnectedCallback() { this.stop(); }

  stop() {
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
    this.shadowRoot.replaceChildren();
  }

  /** Mounts afresh, once for all the properties a framework sets in one go
   * (React sets them one by one): on the next microtask, if still connected. */
  restart() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (!this.isConnected) return;
      this.stop();
      const slot = document.createElement('div');
      this.shadowRoot.append(slot);
      this.#handle = this.mountInto(slot);
      this.started?.();
    });
  }
}
