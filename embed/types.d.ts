
// ---- embed/types.d.ts, appended by scripts/build-embed.sh to wasm-bindgen's declarations.

/** The package's semver version. */
export declare const version: string;

/** The signed-in user, as the host knows them. */
export interface ConsoleUser {
  id: string | number;
  name?: string;
  role?: 'ORGADMIN' | 'SYSOP' | 'MEMBER' | string;
  organization_id?: string | number | null;
}

/** Every key of `window.customModelsConfig` and of `mount(element, config)`; see the README. */
export interface ConsoleConfig {
  apiBaseUrl?: string;
  token?: string;
  getToken?: () => string | Promise<string>;
  onUnauthorized?: () => void;
  basePath?: string;
  manualMount?: boolean;
  user?: ConsoleUser | null;
  timeouts?: { requestMs?: number };
  mock?: {
    latencyMs?: number;
    chunkLatencyMs?: number;
    trainingMs?: number;
    role?: 'ORGADMIN' | 'SYSOP' | 'MEMBER';
    seed?: 'demo' | 'empty';
    noOrganization?: boolean;
    credits?: number;
    generate?: number;
    generateDatasets?: number;
    storageKey?: string;
    faults?: { chunkFailureRate?: number; readFailureRate?: number; offlineAfterChunk?: number; offlineForMs?: number };
  };
}

/** A model as the console's events describe it. */
export interface ModelDetail {
  id: string;
  name: string;
  language: string;
  /** 1 Not Running, 2 Ready to Run, 3 Running, 4 Success, 5 Failed; 0 a status the console does not know. */
  status: number;
  statusLabel: string;
}

export interface ConsoleEventMap {
  'cm-model-created': CustomEvent<{ model: ModelDetail }>;
  'cm-model-renamed': CustomEvent<{ model: ModelDetail }>;
  'cm-model-deleted': CustomEvent<{ model: ModelDetail }>;
  'cm-training-started': CustomEvent<{ model: ModelDetail }>;
  'cm-training-finished': CustomEvent<{ model: ModelDetail }>;
  'cm-dataset-uploaded': CustomEvent<{ modelId: string; dataset: { id: string; name: string; type: string } }>;
  'cm-unauthorized': CustomEvent<Record<string, never>>;
  'cm-navigate': CustomEvent<{ path: string }>;
}

/** `<custom-models-console api-base-url base-path theme path>` */
export interface CustomModelsConsoleElement extends HTMLElement {
  /** The `api-base-url` attribute. */
  apiBaseUrl: string;
  /** The `base-path` attribute. */
  basePath: string;
  /** The `theme` attribute: `auto`, `light` or `dark`. */
  theme: string;
  /** The console's path under its base path; setting it moves the console there. */
  path: string;
  config: ConsoleConfig;
  getToken: (() => string | Promise<string>) | undefined;
  user: ConsoleUser | undefined;
  onUnauthorized: (() => void) | undefined;
  addEventListener<K extends keyof ConsoleEventMap>(type: K, listener: (this: CustomModelsConsoleElement, ev: ConsoleEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** `<custom-model-select language name required disabled value api-base-url>`: form-associated;
 * `value` is a model id, "" for the base model (the `value` attribute is the default). */
export interface CustomModelSelectElement extends HTMLElement {
  value: string;
  name: string;
  language: string;
  apiBaseUrl: string;
  required: boolean;
  disabled: boolean;
  readonly type: 'select-one';
  readonly labels: NodeList;
  readonly willValidate: boolean;
  config: ConsoleConfig;
  getToken: (() => string | Promise<string>) | undefined;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'custom-models-console': CustomModelsConsoleElement;
    'custom-model-select': CustomModelSelectElement;
  }
  interface HTMLElementEventMap extends ConsoleEventMap {}
  interface DocumentEventMap extends ConsoleEventMap {}
}
