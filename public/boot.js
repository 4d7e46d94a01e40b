// Starts the console. Trunk writes the hashed names of the JS glue and the WASM
// module into this script's data attributes (Trunk.toml, pattern_script), so the
// page needs no inline script and runs under a strict Content-Security-Policy.
const tag = document.querySelector('script[data-cm-boot]');
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
