// The size table of docs/perf.md: which crate and which of the console's
// modules each byte of the production WASM's code belongs to.
//
// Input: the production module rebuilt with its names kept (scripts/bench.sh:
// the same wasm-bindgen and `wasm-opt -Oz` as trunk, plus `-g`, so the code is
// what ships and only the "name" section is added). Each function's body size
// is attributed by its (demangled) name:
// - `a::b::f` to crate `a`;
// - `<T as Trait>::f` to the crate of `T`, or of `Trait` when `T` is a
//   standard type (`<Vec<X> as serde::Deserialize>` is serde's code);
// - the console's and the domain crate's functions to the longest module path
//   that exists as a source file (src/pages/models_list/table.rs →
//   `custom_models_console::pages::models_list::table`).
// Generic code of a framework crate instantiated for the console's types
// counts as the framework's: rustc's (legacy) symbol names do not spell a
// function's generic arguments, so which instance serves which view cannot
// be read from them. Drop glue (`drop_in_place<T>`) does name its type, and
// is split by the crate of `T`.
//
// The floor's module (tests/bench/floor), read the same way, gives each
// crate's code in the smallest Leptos app: what is left once the console's
// own views, pages and rules are gone.
//
//   node tests/bench/sizes.mjs named.wasm [floor-named.wasm]   # prints the markdown section
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { readWasm } from './wasm-code.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STD = new Set(['core', 'alloc', 'std']);
const OURS = ['custom_models_console', 'domain'];

// Splits `a::b<c::d>::e` at the top-level `::` only.
function segments(path) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && path[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (c === ':' && path[i + 1] === ':' && depth === 0) {
      out.push(path.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  out.push(path.slice(start));
  return out;
}

// The end of the `<…>` group that opens at `from`.
function closing(s, from) {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>' && s[i - 1] !== '-') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length;
}

// The crate a type expression names: `&mut [alloc::string::String]` → alloc.
function typeCrate(type) {
  const t = type.replace(/^(&(mut )?|\*(const|mut) |dyn |\[|\()+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(t);
  return m ? m[1] : null;
}

/** The path a function's code is attributed to, as segments, from its demangled name. */
export function ownerPath(name) {
  // Drop the hash and the crate disambiguators of std's precompiled crates (`core[c593…]`).
  const n = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  if (n.startsWith('<')) {
    const end = closing(n, 0);
    const inner = n.slice(1, end);
    const [type, trait] = splitAs(inner);
    const crate = typeCrate(type);
    const traitCrate = trait ? typeCrate(trait) : null;
    if (crate && !(STD.has(crate) && traitCrate && !STD.has(traitCrate))) return segments(type.replace(/^(&(mut )?|\*(const|mut) |dyn )+/, ''));
    if (traitCrate) return segments(trait);
    return ['core/alloc (methods of str, char, numbers)'];
  }
  if (!n.includes('::')) return [wasmGlue(n)];
  return segments(n);
}

// `T as Trait` at the top level of an impl header.
function splitAs(inner) {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && inner[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (depth === 0 && inner.startsWith(' as ', i)) return [inner.slice(0, i), inner.slice(i + 4)];
  }
  return [inner, null];
}

// Functions without a Rust path: wasm-bindgen's exports and shims, the
// allocator's and compiler-builtins' symbols.
function wasmGlue(name) {
  if (/^(__wbg|__wbindgen|__externref|[a-z]+handle_|intounderlying|main$)/.test(name) || name.endsWith(' shim')) return '(wasm-bindgen exports and shims)';
  if (/^func\[\d+\]$/.test(name)) return '(unnamed: made by wasm-bindgen or wasm-opt)';
  if (/^(__rust|__rdl|__rg|dlmalloc|malloc|free|realloc)/.test(name)) return '(allocator)';
  if (/^(__|mem|round|f?min|f?max)/.test(name)) return '(compiler builtins)';
  return '(other unnamed-path symbols)';
}

// The console's and the domain crate's module paths, from their source files.
function ourModules() {
  const modules = new Set();
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir)) {
      const path = `${dir}/${entry}`;
      if (statSync(path).isDirectory()) { walk(path, [...prefix, entry]); continue; }
      if (!entry.endsWith('.rs')) continue;
      const stem = entry.slice(0, -3);
      modules.add((['lib', 'main', 'mod'].includes(stem) ? prefix : [...prefix, stem]).join('::'));
    }
  };
  walk(`${root}src`, ['custom_models_console']);
  walk(`${root}crates/domain/src`, ['domain']);
  return modules;
}

function moduleOf(path, modules) {
  if (!OURS.includes(path[0])) return path.length > 1 && /^[a-z_0-9]+$/.test(path[1]) ? `${path[0]}::${path[1]}` : path[0];
  for (let k = path.length; k > 0; k--) {
    const candidate = path.slice(0, k).join('::');
    if (modules.has(candidate)) return candidate;
  }
  return path[0];
}

const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const brotli = (buffers) => brotliCompressSync(Buffer.concat(buffers), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The markdown section of docs/perf.md.
 * @param {string} namedWasm the production module with a name section
 * @param {string | null} floorWasm the floor's module with a name section
 * @param {{ console: number, floor: number, shippedWasm: number }} shipped the
 *   bundles' brotli sizes (wasm + JS) of the same run, and the shipped module's raw size
 */
export function sizeSection(namedWasm, floorWasm, shipped) {
  const bytes = readFileSync(namedWasm);
  const wasm = readWasm(bytes);
  const floorCrates = new Map();
  if (floorWasm) {
    for (const f of readWasm(readFileSync(floorWasm)).functions) {
      const crate = ownerPath(f.name)[0];
      floorCrates.set(crate, (floorCrates.get(crate) ?? 0) + f.bytes);
    }
  }
  const modules = ourModules();
  const crates = new Map();
  const ours = new Map();
  const glue = new Map();
  const add = (map, key, f) => {
    const row = map.get(key) ?? { bytes: 0, count: 0, bodies: [] };
    row.bytes += f.bytes;
    row.count++;
    row.bodies.push(bytes.subarray(f.offset, f.offset + f.bytes));
    map.set(key, row);
  };
  let code = 0;
  let dropGlue = 0;
  for (const f of wasm.functions) {
    const path = ownerPath(f.name);
    const crate = path[0];
    add(crates, crate, f);
    if (OURS.includes(crate)) add(ours, moduleOf(path, modules), f);
    const dropped = /^core(\[[0-9a-f]+\])?::ptr::drop_in_place<(.*)>/.exec(f.name);
    if (dropped) {
      dropGlue += f.bytes;
      add(glue, typeCrate(dropped[2].replace(/\[[0-9a-f]{16}\]/g, '')) ?? 'other', f);
    }
    code += f.bytes;
  }
  // Cross-cutting: code whose name involves a crate anywhere, e.g. the
  // console's derived `Deserialize` impls and their visitors for serde.
  const involving = (word) => wasm.functions.filter((f) => f.name.includes(word)).reduce((a, f) => a + f.bytes, 0);
  const data = dataBytes(bytes, wasm);
  // Panic locations: source paths of every crate that can panic (their `.rs` strings).
  const paths = (data.toString('latin1').match(/[\w/.+@-]+\.rs/g) ?? []).reduce((a, p) => a + p.length, 0);
  const codeBrotli = brotli(wasm.functions.map((f) => bytes.subarray(f.offset, f.offset + f.bytes)));
  const shippedSize = bytes.length - (wasm.sections['custom "name"'] ?? 0);
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
  const share = (x) => `${((100 * x) / code).toFixed(1)} %`;

  const inFloor = (name) => (floorCrates.has(name) ? kb(floorCrates.get(name)) : '–');
  const crateRows = sorted(crates).slice(0, 25).map(([name, r]) => [name, kb(r.bytes), share(r.bytes), kb(brotli(r.bodies)), r.count, inFloor(name)]);
  const top = new Set(sorted(crates).slice(0, 25).map(([name]) => name));
  const rest = sorted(crates).slice(25).reduce((a, [, r]) => a + r.bytes, 0);
  const floorRest = [...floorCrates.entries()].filter(([name]) => !top.has(name)).reduce((a, [, b]) => a + b, 0);
  if (rest) crateRows.push([`${crates.size - 25} other crates`, kb(rest), share(rest), '', '', kb(floorRest)]);
  const floorCode = [...floorCrates.values()].reduce((a, b) => a + b, 0);
  crateRows.push(['**all code**', `**${kb(code)}**`, '100 %', `**${kb(codeBrotli)}**`, wasm.functions.length, floorWasm ? `**${kb(floorCode)}**` : '–']);
  const glueLine = sorted(glue).slice(0, 6).map(([name, r]) => `${name} ${kb(r.bytes)}`).join(', ');
  const moduleRows = sorted(ours).slice(0, 30).map(([name, r]) => [`\`${name}\``, kb(r.bytes), share(r.bytes), kb(brotli(r.bodies)), r.count]);
  const table = (header, rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

  return `## Where the bytes are

The production build's module (\`--no-default-features --features console\`), rebuilt with its
function names kept (same \`wasm-bindgen\` and \`wasm-opt -Oz\` as trunk, plus
\`-g\`: ${kb(shippedSize)} without the name section, against the shipped
${kb(shipped.shippedWasm)}). Bundle in the same run: console ${kb(shipped.console)} brotli, Leptos floor
${kb(shipped.floor)}, ratio ${(shipped.console / shipped.floor).toFixed(2)}.

- code section: ${kb(wasm.sections.code)} in ${wasm.functions.length} functions (${kb(codeBrotli)} brotli alone);
  of it \`core::ptr::drop_in_place\` (drop glue, in the \`core\` row) ${kb(dropGlue)}, by the dropped
  type's crate: ${glueLine}
- code whose function name involves \`serde\` (serde_json, serde's impls, the derived
  decoders and encoders of the console's and domain's types): ${kb(involving('serde'))}; \`chrono\`: ${kb(involving('chrono'))}
- data section (strings, tables, panic locations): ${kb(wasm.data)} (${kb(brotli([data]))} brotli alone),
  of it ${kb(paths)} source paths of panic locations
- everything else (imports, exports, element and type sections): ${kb(shippedSize - wasm.sections.code - (wasm.sections.data ?? 0))}

"brotli alone" compresses a row's function bodies by themselves: it shows how well
that code compresses, not an exact share of the bundle (the rows do not add up to it).
A library's row includes its generic code instantiated for the console's types
(a \`tachys\` view builder for each of the console's views, a \`reactive_graph\`
signal, memo, effect or resource for each value type): the difference from the
same crate in the Leptos floor (its last column, the same reading of
\`tests/bench/floor\`) is what the console's views and state cost in that crate.

Code by crate:

${table(['crate', 'code', 'share of code', 'brotli alone', 'functions', 'same crate in the Leptos floor'], crateRows)}

Code of the console and the domain crate by module (top 30):

${table(['module', 'code', 'share of code', 'brotli alone', 'functions'], moduleRows)}
`;
}

function dataBytes(bytes, wasm) {
  return Buffer.concat(wasm.dataSegments.map(([at, len]) => bytes.subarray(at, at + len)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [named, floorNamed] = process.argv.slice(2);
  if (!named) {
    console.error('usage: node tests/bench/sizes.mjs named.wasm [floor-named.wasm]');
    process.exit(2);
  }
  const size = readFileSync(named).length;
  process.stdout.write(sizeSection(named, floorNamed ?? null, { console: 0, floor: 0, shippedWasm: size }));
}
