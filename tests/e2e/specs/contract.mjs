// docs/openapi.yaml as a checker: the fake backend's answers and the console's
// request bodies are validated against it, so the document, the fake backend and
// the HTTP client cannot drift apart unnoticed.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const doc = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

const operations = Object.entries(doc.paths).map(([template, item]) => ({
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  item,
}));

/** The `$ref`-free object a reference such as `#/components/responses/Error` names. */
function resolve(node) {
  if (!node?.$ref) return node;
  return node.$ref.slice(2).split('/').reduce((at, key) => at[key], doc);
}

function operation(method, path) {
  const found = operations.find((o) => o.pattern.test(path));
  return found ? found.item[method.toLowerCase()] : undefined;
}

/** A validator for a schema of the document, inline or referenced (cached per schema object). */
const validators = new WeakMap();
function validatorFor(schema) {
  if (!validators.has(schema)) {
    // Inline schemas refer to components by '#/…'; point those at the document.
    const absolute = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
    validators.set(schema, ajv.compile(absolute));
  }
  return validators.get(schema);
}

function problems(schema, value, what) {
  const validate = validatorFor(schema);
  return validate(value) ? [] : validate.errors.map((e) => `${what}: ${e.instancePath || '(body)'} ${e.message}`);
}

/** What is wrong with an answer of the fake backend, as a list of sentences (empty when it conforms). */
export function responseProblems(method, path, status, body) {
  const what = `${method} ${path} ${status}`;
  const op = operation(method, path);
  if (!op) return [`${method} ${path} is not in docs/openapi.yaml`];
  const response = resolve(op.responses[String(status)] ?? op.responses.default);
  if (status === 204) return body ? [`${what} has a body`] : [];
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) return [];
  try {
    return problems(schema, JSON.parse(body), what);
  } catch {
    return [`${what}: the body is not JSON`];
  }
}

/** What is wrong with a JSON request body the console sent. */
export function requestProblems(method, path, body) {
  const what = `${method} ${path} request`;
  const op = operation(method, path);
  if (!op) return [`${method} ${path} is not in docs/openapi.yaml`];
  const schema = resolve(op.requestBody)?.content?.['application/json']?.schema;
  if (!schema) return [];
  try {
    return problems(schema, JSON.parse(body ?? ''), what);
  } catch {
    return [`${what}: the body is not JSON`];
  }
}
