// Memory of a process tree from /proc: RSS (what the issue asks for; it counts
// pages shared between Chromium's processes once per process) and PSS (shared
// pages split between their users, closer to what the tree really costs).
import fs from 'node:fs';

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(d));
      map.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/** Every process below `root`, leaving out the subtrees whose top `except` picks (with their tops). */
export function descendants(root: number, except: (pid: number) => boolean = () => false): number[] {
  const kids = children();
  const out: number[] = [];
  const stack = [...(kids.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    if (except(p)) continue;
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

/** Whether `pid`'s command line holds `text` (false once it has ended). */
export function commandLineHas(pid: number, text: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
  } catch {
    return false;
  }
}

function kb(file: string, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeMemoryMb(pids: number[]): { rssMb: number; pssMb: number } {
  let rss = 0;
  let pss = 0;
  for (const p of pids) {
    rss += kb(`/proc/${p}/status`, 'VmRSS');
    pss += kb(`/proc/${p}/smaps_rollup`, 'Pss');
  }
  return { rssMb: Math.round(rss / 1024), pssMb: Math.round(pss / 1024) };
}

/**
 * Where one process's resident memory lies, from /proc/PID/smaps: native code
 * (the .node addons and the shared libraries they bring, e.g. onnxruntime,
 * SQLCipher) as mapped and resident, apart from everything else.
 */
export function hostMemory(pid: number): { nativeCodeMb: number } {
  let native = 0;
  let current = '';
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return { nativeCodeMb: 0 };
  }
  for (const line of text.split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      current = head[1] ?? '';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && (/\.node$/.test(current) || /node_modules\/.*\.so(\.\d+)*$/.test(current))) native += Number(rss[1]);
  }
  return { nativeCodeMb: Math.round(native / 1024) };
}
