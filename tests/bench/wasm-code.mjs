// Reads a WebAssembly module's sections: each defined function's body size
// (code section) with its name (the "name" custom section), and the data
// segments. Just enough of the binary format for the size table (sizes.mjs);
// no dependency, so `make bench` needs nothing beyond Node.

function reader(bytes) {
  let at = 0;
  const r = {
    get at() { return at; },
    seek(to) { at = to; },
    byte() { return bytes[at++]; },
    // Unsigned LEB128; sizes and counts never exceed 2^32 here.
    u32() {
      let value = 0;
      let shift = 0;
      let b;
      do {
        b = bytes[at++];
        value += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return value;
    },
    string() {
      const len = r.u32();
      const s = Buffer.from(bytes.subarray(at, at + len)).toString('utf8');
      at += len;
      return s;
    },
  };
  return r;
}

// Skips one import's description; returns true when it imports a function
// (imported functions take the first function indexes).
function importIsFunction(r) {
  const kind = r.byte();
  if (kind === 0) { r.u32(); return true; } // type index
  if (kind === 1) { r.byte(); limits(r); } // table: reftype, limits
  else if (kind === 2) limits(r); // memory
  else if (kind === 3) { r.byte(); r.byte(); } // global: valtype, mutability
  else if (kind === 4) { r.byte(); r.u32(); } // tag
  return false;
}

function limits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}

/**
 * @param {Uint8Array} bytes a .wasm file
 * @returns {{ functions: {name: string, offset: number, bytes: number}[], data: number, dataSegments: [number, number][], sections: Record<string, number>, total: number }}
 *   functions: every defined function with where its entry in the code
 *   section starts and its size (size prefix included); data: the bytes of all
 *   data segments, dataSegments: each one's [offset, length]; sections: each
 *   section's size by name.
 */
export function readWasm(bytes) {
  const r = reader(bytes);
  r.seek(8); // magic and version
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  let data = 0;
  const dataSegments = [];
  const ids = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag' };
  while (r.at < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    let label = ids[id] ?? `section ${id}`;
    if (id === 0) label = `custom "${r.string()}"`;
    sections[label] = (sections[label] ?? 0) + (end - start);
    if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        r.string();
        r.string();
        if (importIsFunction(r)) importedFunctions++;
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const bodyStart = r.at;
        const len = r.u32();
        r.seek(r.at + len);
        bodies.push([bodyStart, r.at - bodyStart]);
      }
    } else if (id === 11) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const flags = r.u32();
        if (flags === 2) r.u32(); // explicit memory index
        if (flags !== 1) while (r.byte() !== 0x0b); // offset expression, up to `end`
        const len = r.u32();
        data += len;
        dataSegments.push([r.at, len]);
        r.seek(r.at + len);
      }
    } else if (id === 0 && label === 'custom "name"') {
      while (r.at < end) {
        const sub = r.byte();
        const subSize = r.u32();
        const subEnd = r.at + subSize;
        if (sub === 1) {
          const count = r.u32();
          for (let i = 0; i < count; i++) {
            const index = r.u32();
            names.set(index, r.string());
          }
        }
        r.seek(subEnd);
      }
    }
    r.seek(end);
  }
  const functions = bodies.map(([offset, size], i) => ({ name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`, offset, bytes: size }));
  return { functions, data, dataSegments, sections, total: bytes.length };
}
