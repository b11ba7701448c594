import { readdirSync, readFileSync } from 'node:fs';
import { Pool } from 'pg';

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name, which may itself contain spaces. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) the processes have used so far, in milliseconds, for
 * benchmarks that say what each process spends per operation. Linux only (/proc);
 * undefined elsewhere. A process that has exited counts nothing.
 */
export function cpuMs(pids: readonly number[]): number | undefined {
  if (!readdirSafe('/proc')) return undefined;
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU time of the children a process has waited for (cutime + cstime), in milliseconds:
 * a PostgreSQL backend that ends during a phase leaves its whole time here, in its
 * postmaster, so a server's total stays right while connections come and go.
 */
function reapedChildrenMs(pid: number): number {
  const fields = statFields(pid);
  // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
  return fields ? ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND : 0;
}

/**
 * The processes of a PostgreSQL server: its postmaster and every child of it (backends,
 * WAL writer, checkpointer…), those of now. Call it again when connections come and go.
 */
function postgresServerPids(postmaster: number): number[] {
  const parent = String(postmaster);
  const children = (readdirSafe('/proc') ?? [])
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => statFields(pid)?.[1] === parent);
  return [postmaster, ...children];
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}

export interface CpuMeter {
  /** Milliseconds of CPU per operation of each process since the meter started, by name; undefined without /proc. */
  perOperation(operations: number): Promise<Record<string, number> | undefined>;
}

/**
 * CPU time per operation of each process over a phase: the services, PostgreSQL's server
 * processes (the postmaster and its children, also those started during the phase) and
 * this process (named `self`, the load generator by default). Undefined where /proc is not there.
 */
export async function cpuMeter(url: string, services: Record<string, number[]>, self = 'load generator'): Promise<CpuMeter> {
  // The postmaster, found through a backend of it; it outlives every connection of the phase.
  const probe = new Pool({ connectionString: url, max: 1 });
  const { rows } = await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await probe.end();
  const postmaster = Number(statFields(rows[0]?.pid ?? 0)?.[1] ?? 0);
  const postgresAtStart = postmaster > 0 ? postgresServerPids(postmaster) : [];
  const measure = (postgres: number[]) => {
    const own = process.cpuUsage();
    const used = cpuMs(postgres);
    return {
      ...Object.fromEntries(Object.entries(services).map(([name, pids]) => [name, cpuMs(pids)])),
      // With what the backends that have ended used.
      postgres: used === undefined ? undefined : used + reapedChildrenMs(postmaster),
      [self]: (own.user + own.system) / 1000,
    };
  };
  const before = measure(postgresAtStart);
  return {
    async perOperation(operations: number): Promise<Record<string, number> | undefined> {
      const after = measure(postmaster > 0 ? [...new Set([...postgresAtStart, ...postgresServerPids(postmaster)])] : []);
      if (before.postgres === undefined || postmaster === 0) return undefined;
      return Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, ((ms ?? 0) - (before[name as keyof typeof before] ?? 0)) / operations]));
    },
  };
}
