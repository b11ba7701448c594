import { readdirSync, readFileSync } from 'node:fs';

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
 * The processes of the PostgreSQL server a backend belongs to: its postmaster and every
 * child of it (backends, WAL writer, checkpointer…). Call it again when connections come
 * and go.
 */
export function postgresServerPids(backendPid: number): number[] {
  const postmaster = statFields(backendPid)?.[1];
  if (!postmaster) return [];
  const children = (readdirSafe('/proc') ?? [])
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => statFields(pid)?.[1] === postmaster);
  return [Number(postmaster), ...children];
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}
