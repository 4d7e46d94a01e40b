// ---- embed/select-element.js: the model picker as a form-associated element (after
// shadow-mount.js). A page that loads both modules keeps the first definition.

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

if (!customElements.get('custom-model-select')) customElements.define('custom-model-select', CustomModelSelect);
