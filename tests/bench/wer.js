// The WER row of `make bench`: 10,000 utterances of 20 words, each aligned
// against a base and a custom hypothesis, by the console's WASM (domain::wer)
// and by the floor, the same algorithm in plain JS (lower-case, punctuation
// dropped, Levenshtein with a backtrace to the aligned pairs).
import init, { align_all } from '/bench/data/wer/bench_wer.js';

const WORDS = 'please check the invoice parcel router refund address ticket courier firmware number for my account today send it to office again'.split(' ');

function utterances(n, seed) {
  let s = seed;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const refs = []; const base = []; const custom = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 20 }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const degrade = (rate) => words.flatMap((w) => {
      const r = next();
      if (r < rate * 0.5) return [WORDS[Math.floor(next() * WORDS.length)]];
      if (r < rate * 0.8) return [];
      if (r < rate) return [w, WORDS[Math.floor(next() * WORDS.length)]];
      return [w];
    }).join(' ');
    refs.push(`${words.join(' ')}.`); base.push(degrade(0.2)); custom.push(degrade(0.08));
  }
  return [refs.join('\n'), base.join('\n'), custom.join('\n')];
}

function tokens(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
}

function align(reference, hypothesis) {
  const r = tokens(reference); const h = tokens(hypothesis);
  const cols = h.length + 1;
  const d = new Uint32Array((r.length + 1) * cols);
  for (let j = 0; j <= h.length; j++) d[j] = j;
  for (let i = 1; i <= r.length; i++) {
    d[i * cols] = i;
    for (let j = 1; j <= h.length; j++) {
      const sub = d[(i - 1) * cols + j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1);
      d[i * cols + j] = Math.min(sub, d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1);
    }
  }
  const pairs = [];
  let i = r.length; let j = h.length; let errors = 0;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i * cols + j] === d[(i - 1) * cols + j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1)) {
      if (r[i - 1] !== h[j - 1]) errors++;
      pairs.push([r[i - 1], h[j - 1]]); i--; j--;
    } else if (i > 0 && d[i * cols + j] === d[(i - 1) * cols + j] + 1) {
      pairs.push([r[i - 1], null]); errors++; i--;
    } else {
      pairs.push([null, h[j - 1]]); errors++; j--;
    }
  }
  pairs.reverse();
  return errors;
}

function alignAllJs(refs, base, custom) {
  const [r, b, c] = [refs.split('\n'), base.split('\n'), custom.split('\n')];
  let errors = 0;
  for (let i = 0; i < r.length; i++) errors += align(r[i], b[i]) + align(r[i], c[i]);
  return errors;
}

await init();
const data = utterances(10_000, 42);
window.benchWer = (which) => {
  const t0 = performance.now();
  const errors = which === 'wasm' ? align_all(...data) : alignAllJs(...data);
  return { ms: performance.now() - t0, errors };
};
window.benchWerReady = true;
