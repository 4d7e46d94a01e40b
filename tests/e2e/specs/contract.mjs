// docs/openapi.yaml as a checker: the fake backend's answers and the console's
// requests (bodies, query strings, path parameters and headers) are validated
// against it, so the document, the fake backend and the HTTP client cannot drift
// apart unnoticed. Every problem is a sentence; an empty list means conformance.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const doc = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

/** The `$ref`-free object a reference such as `#/components/responses/NotFound` names. */
function resolve(node) {
  if (!node?.$ref) return node;
  return resolve(node.$ref.slice(2).split('/').reduce((at, key) => at[key], doc));
}

const operations = Object.entries(doc.paths).map(([template, item]) => ({
  template,
  names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
  item,
}));

/** The operation for a method and path, its parameters (path-level ones included) and path values. */
function operation(method, path) {
  for (const o of operations) {
    const match = path.match(o.pattern);
    const op = match && o.item[method.toLowerCase()];
    if (!op) continue;
    const parameters = [...(o.item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
    const values = Object.fromEntries(o.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    return { op, parameters, values };
  }
  return null;
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
  return validate(value) ? [] : validate.errors.map((e) => `${what}: ${e.instancePath || '(value)'} ${e.message}`);
}

/** A parameter's text as its schema's type reads it (query strings and headers are text). */
function typed(schema, text) {
  const type = resolve(schema)?.type ?? (resolve(schema)?.enum?.every(Number.isInteger) ? 'integer' : 'string');
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function parameterProblems(parameter, text, what) {
  return problems(parameter.schema, typed(parameter.schema, text), `${what} ${parameter.in} ${parameter.name}=${JSON.stringify(text)}`);
}

/**
 * What is wrong with a request the console sent. `query` is a URLSearchParams,
 * `headers` an object of lower-case names, `body` the text of a JSON body (or
 * null), `contentType` its media type.
 */
export function requestProblems(method, path, { query = new URLSearchParams(), headers = {}, body = null, contentType = null } = {}) {
  const what = `${method} ${path} request`;
  const found = operation(method, path);
  if (!found) return [`${method} ${path} is not in docs/openapi.yaml`];
  const { op, parameters, values } = found;
  const out = [];
  for (const p of parameters.filter((p) => p.in === 'path')) out.push(...parameterProblems(p, values[p.name], what));
  for (const name of new Set(query.keys())) {
    const p = parameters.find((p) => p.in === 'query' && p.name === name);
    if (!p) {
      out.push(`${what}: query parameter "${name}" is not documented`);
      continue;
    }
    const all = query.getAll(name);
    if (all.length > 1) out.push(`${what}: query parameter "${name}" given ${all.length} times`);
    out.push(...parameterProblems(p, all[0], what));
  }
  for (const p of parameters.filter((p) => p.in === 'query' && p.required && !query.has(p.name))) {
    out.push(`${what}: required query parameter "${p.name}" is missing`);
  }
  for (const p of parameters.filter((p) => p.in === 'header')) {
    const value = headers[p.name.toLowerCase()];
    if (value === undefined) {
      if (p.required) out.push(`${what}: required header "${p.name}" is missing`);
    } else {
      out.push(...parameterProblems(p, value, what));
    }
  }
  // `{}` among the requirements: it may also be asked with none (`GET /events?ticket=…`).
  const security = op.security ?? doc.security ?? [];
  const secured = security.length > 0 && !security.some((s) => Object.keys(s).length === 0);
  if (secured && !/^Bearer \S+$/.test(headers.authorization ?? '')) out.push(`${what}: no "Authorization: Bearer <token>"`);
  const requestBody = resolve(op.requestBody);
  if (!requestBody) {
    if (body) out.push(`${what}: has a body, the operation takes none`);
    return out;
  }
  const type = (contentType ?? '').split(';')[0].trim();
  const media = requestBody.content?.[type];
  if (!media) return [...out, `${what}: Content-Type "${type}" is not one of ${Object.keys(requestBody.content ?? {}).join(', ')}`];
  if (type !== 'application/json') return out;
  try {
    return [...out, ...problems(media.schema, JSON.parse(body ?? ''), `${what} body`)];
  } catch {
    return [...out, `${what}: the body is not JSON`];
  }
}

/**
 * What is wrong with an answer of a backend. `headers` (an object of lower-case
 * names) is checked for the response's required headers and its Content-Type;
 * `null` skips header checks (the mock's answers have none).
 */
export function responseProblems(method, path, status, body, headers = null) {
  const what = `${method} ${path} ${status}`;
  const found = operation(method, path);
  if (!found) return [`${method} ${path} is not in docs/openapi.yaml`];
  const response = resolve(found.op.responses[String(status)] ?? found.op.responses.default);
  if (!response) return [`${what}: status ${status} is not documented for this operation`];
  const out = [];
  for (const [name, header] of Object.entries(response.headers ?? {}).map(([n, h]) => [n, resolve(h)])) {
    if (headers === null) break;
    const value = headers[name.toLowerCase()];
    if (value === undefined && header.required) out.push(`${what}: required header "${name}" is missing`);
    if (value !== undefined) out.push(...problems(header.schema, typed(header.schema, String(value)), `${what} header ${name}`));
  }
  if (!response.content) return body ? [...out, `${what} has a body`] : out;
  const type = headers === null ? 'application/json' : String(headers['content-type'] ?? '').split(';')[0].trim();
  const media = response.content[type];
  if (!media) return [...out, `${what}: Content-Type "${type}" is not documented`];
  if (type === 'text/event-stream') return out; // a stream: its events are read by the console, not here
  try {
    return [...out, ...problems(media.schema, JSON.parse(body), `${what} body`)];
  } catch {
    return [...out, `${what}: the body is not JSON`];
  }
}
