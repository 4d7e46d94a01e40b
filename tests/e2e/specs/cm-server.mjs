// The reference server (crates/server, `cm-server`) as a process the journeys
// start, kill with SIGKILL and start again on the same port and data directory,
// the way a crash and a restart happen to a real deployment. The browser talks
// to it directly over TCP, from the console's origin (CORS).
// `cargo build -p server` makes the binary (make test does).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../../../target/debug/cm-server', import.meta.url));

export class CmServer {
  /** Starts a server with an empty data directory that lets `origin` call it. */
  static async start({ origin, trainingMs = 3000 }) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: run "cargo build -p server" first`);
    const server = new CmServer(mkdtempSync(join(tmpdir(), 'cm-server-e2e-')), origin, trainingMs);
    await server.#spawn('127.0.0.1:0');
    return server;
  }

  constructor(dataDir, origin, trainingMs) {
    this.dataDir = dataDir;
    this.origin = origin;
    this.trainingMs = trainingMs;
  }

  /** The API's base URL, the same across restarts. */
  get base() {
    return `http://${this.addr}/v1`;
  }

  async #spawn(addr) {
    const args = ['--addr', addr, '--data-dir', this.dataDir, '--seed', 'empty',
      '--training-ms', String(this.trainingMs), '--cors-origin', this.origin];
    this.child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => this.child.once('exit', () => resolve(null)));
    // The bound address is the first line it prints.
    const first = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]().next().then((r) => r.value);
    const line = await Promise.race([first, exited]);
    if (!line) throw new Error(`cm-server did not start on ${addr}`);
    this.addr = line.trim();
  }

  /** SIGKILL: no shutdown, nothing flushed but what the server already made durable. */
  async kill() {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** Starts it again on the same address and data directory. */
  async restart() {
    await this.#spawn(this.addr);
  }

  /** Calls the API as an admin (the test's own client, not the console). */
  async get(path, token = 'dev-admin') {
    const answer = await fetch(this.base + path, { headers: { Authorization: `Bearer ${token}` } });
    return { status: answer.status, body: await answer.json() };
  }

  async stop() {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
