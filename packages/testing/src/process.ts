import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race is acceptable in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a TypeScript entry point in a child process (tsx), collecting its output. */
export function startTsProcess(
  entry: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  // A child killed by a signal has no exit code but a signal code; either means it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/**
 * Waits until a service started with `PORT=0` logs where it listens (the kit's
 * "<name> listening" line carries the port the kernel gave it) and resolves with that port.
 * Choosing the port in the service itself leaves no window in which another process could
 * take it. Rejects with what the process printed if it exits first or says nothing in time.
 */
export async function listeningPort(
  proc: { child: ChildProcess; output: () => string },
  name: string,
  timeoutMs = 90_000,
): Promise<number> {
  const line = new RegExp(`"port":(\\d+),"msg":"${name} listening"`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = line.exec(proc.output());
    if (found) return Number(found[1]);
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      throw new Error(`${name} exited before listening:\n${proc.output().slice(-3000)}`);
    if (Date.now() > deadline)
      throw new Error(
        `${name} did not listen within ${timeoutMs} ms:\n${proc.output().slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
