// CPU time used by a process and its descendants (a server with workers), read from /proc: the server's cost per request on a shared machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

type ProcStat = { pid: number; ppid: number; ticks: number };

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, …, utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return stats;
}

/** Milliseconds of CPU (user and system, every thread) used so far by `pid` and every live descendant. */
export function processTreeCpuMs(pid: number): number {
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const pending = stats.filter((stat) => stat.pid === pid);
  while (pending.length > 0) {
    const stat = pending.pop()!;
    ticks += stat.ticks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS;
}
