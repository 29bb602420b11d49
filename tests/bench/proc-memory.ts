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

/**
 * What only these processes hold (USS: their private pages, in KB). Unlike PSS it
 * does not move when some other process that shares pages with them (another
 * Chromium on the machine, say) starts or ends, so it tells whether they settled.
 */
function privateKb(pids: number[]): number {
  let total = 0;
  for (const p of pids) total += kb(`/proc/${p}/smaps_rollup`, 'Private_Clean') + kb(`/proc/${p}/smaps_rollup`, 'Private_Dirty');
  return total;
}

/**
 * Waits until a process tree's memory has settled: its private memory moved by
 * less than 1 MB over the last 5 s. After a page is drawn, Chromium's compositor
 * keeps the tiles of the frames before for a few seconds, and V8's memory reducer
 * runs some seconds after start-up (at 1920×1080, 10 MB of the kiosk's memory went
 * in the first 20 s); memory measured before that is a start-up's passing peak, not
 * what the kiosk holds as it waits on its home screen. Polls; gives up after
 * `maxMs` and says so.
 */
export async function memorySettled(pids: () => number[], maxMs = 60_000): Promise<{ afterMs: number; settled: boolean }> {
  const t0 = Date.now();
  const samples: { at: number; kb: number }[] = [];
  for (;;) {
    const now = Date.now();
    samples.push({ at: now, kb: privateKb(pids()) });
    while (samples.length > 1 && samples[1]!.at <= now - 5000) samples.shift();
    const kbs = samples.map((s) => s.kb);
    if (now - samples[0]!.at >= 5000 && Math.max(...kbs) - Math.min(...kbs) < 1024) return { afterMs: now - t0, settled: true };
    if (now - t0 > maxMs) return { afterMs: now - t0, settled: false };
    await new Promise((r) => setTimeout(r, 250));
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
