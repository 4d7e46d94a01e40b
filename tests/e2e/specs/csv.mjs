// Reading the console's CSV downloads back in tests.

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1).push(cell); cell = ''; rows.push([]); i += 1;
    } else cell += c;
  }
  if (rows.at(-1).length === 0 && cell === '') rows.pop(); else rows.at(-1).push(cell);
  return rows;
}
