// ---- embed/select-element.js: the model picker as a form-associated element (after
// shadow-mount.js). A page that loads both modules keeps the first definition.

/** `<custom-model-select name language required disabled value api-base-url>`: the
 * trained-model picker, a form control like `<select>`. */
class CustomModelSelect extends ShadowMount {
  static formAssociated = true;
  static observedAttributes = ['language', 'required', 'disabled', 'api-base-url'];
  static properties = ['value', 'name', 'required', 'disabled', 'language', 'apiBaseUrl', 'config', 'getToken'];
  #internals;
  #value;
  #config = {};
  #getToken;
  #formDisabled = false;
  // Leptos replaces the inner <select> as models load: validity is re-anchored to it.
  #observer = new MutationObserver(() => this.#sync());

  constructor() {
    // Focus, a label's click and the browser's "please choose" go to the inner <select>.
    super({ delegatesFocus: true });
    this.#internals = this.attachInternals();
  }

  /** The chosen model's id, "" for the base model; the `value` attribute is the default. */
  get value() { return this.#value ?? this.getAttribute('value') ?? ''; }
  set value(value) {
    this.#value = value == null ? '' : String(value);
    this.mounted?.setValue(this.#value);
    this.#sync();
  }
  get type() { return 'select-one'; }
  get form() { return this.#internals.form; }
  get labels() { return this.#internals.labels; }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }
  get config() { return { ...this.#config }; }
  set config(value) { this.#config = { ...(value ?? {}) }; this.restart(); }
  get getToken() { return this.#getToken; }
  set getToken(value) { this.#getToken = value; this.restart(); }

  attributeChangedCallback(name) {
    if (!this.mounted) return; // the coming mount reads them all
    if (name === 'language') this.mounted.setLanguage(this.language);
    else if (name === 'required' || name === 'disabled') this.#sync();
    else this.restart();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    super.disconnectedCallback();
  }

  formResetCallback() { this.#value = undefined; this.value = this.value; }
  formStateRestoreCallback(state) { this.value = typeof state === 'string' ? state : ''; }
  formDisabledCallback(disabled) { this.#formDisabled = disabled; this.#sync(); }

  mountInto(slot) {
    const config = { ...this.#config, manualMount: true };
    if (this.hasAttribute('api-base-url')) config.apiBaseUrl = this.apiBaseUrl;
    if (this.#getToken) config.getToken = this.#getToken;
    config.onChange = (value) => {
      if (value === this.value) return; // the host's own assignment, not a change
      this.#value = value;
      this.#sync();
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
    };
    return mountModelSelect(slot, config, this.language);
  }

  started() {
    if (this.value) this.mounted.setValue(this.value);
    this.#observer.observe(this.shadowRoot, { childList: true, subtree: true });
    this.#sync();
  }

  #sync() {
    this.mounted?.setDisabled(this.disabled || this.#formDisabled);
    this.#internals.setFormValue(this.value, this.value);
    // Anchored to the inner <select>, an invalid picker takes focus and shows the
    // browser's message on submit, as a native required <select> does.
    const anchor = this.shadowRoot.querySelector('select') ?? undefined;
    if (this.required && !this.value) {
      this.#internals.setValidity({ valueMissing: true }, 'Choose a trained custom model.', anchor);
    } else {
      this.#internals.setValidity({});
    }
  }
}
reflect(CustomModelSelect, 'name', 'name');
reflect(CustomModelSelect, 'language', 'language');
reflect(CustomModelSelect, 'apiBaseUrl', 'api-base-url');
reflect(CustomModelSelect, 'required', 'required', true);
reflect(CustomModelSelect, 'disabled', 'disabled', true);

if (!customElements.get('custom-model-select')) customElements.define('custom-model-select', CustomModelSelect);
