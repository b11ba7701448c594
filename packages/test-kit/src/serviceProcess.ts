import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  /** For measuring what the service spends (see processCpu). */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Runs a service's entry point in a process of its own, as in production, so that load
 * generators and other services do not share its event loop; resolves once `ready()`
 * says so. Output is discarded; the end of stderr is reported if it fails to start.
 */
export async function startServiceProcess(entry: string, args: readonly string[], env: Record<string, string>, ready: () => Promise<boolean>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}: ${stderr}`);
    if (await ready().catch(() => false)) return { pid: child.pid ?? 0, stop };
    if (attempt > 600) {
      await stop();
      throw new Error(`${entry} did not become ready: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
