import { spawn, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/src/ is two levels below it). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CLK_TCK = 100; // USER_HZ: what /proc/<pid>/stat counts CPU time in, on every Linux

/** Every child process the harness started, so that a failure or a signal ends them all. */
const children = new Set<ChildProcess>();

/**
 * Ends a child and everything it started: every child runs in its own process group
 * (`detached`), so a signal to the group also reaches `pnpm start`'s descendants. SIGTERM
 * first (the server closes its sockets), SIGKILL if it is still there after `graceMs`.
 */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  children.delete(child);
  if (child.pid == null || child.exitCode != null || child.signalCode != null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'late') {
    signalGroup(child, 'SIGKILL');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
  // Descendants that outlived the group leader (a server under `pnpm start`) get SIGKILL too.
  signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

/** Ends every child still running, at once (on failure, timeout or a signal). */
export function killAll(): void {
  for (const child of children) signalGroup(child, 'SIGKILL');
  children.clear();
}

/** Spawns a command in its own process group, tracked for cleanup; output goes to `log`. */
export function spawnTracked(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; log?: string; cwd?: string } = {},
): ChildProcess {
  const out = options.log ? fs.openSync(options.log, 'a') : 'ignore';
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') fs.closeSync(out);
  track(child);
  return child;
}

/** Forks a TypeScript module of the harness (run through tsx) with an IPC channel. */
export function forkTracked(
  module: string,
  args: string[] = [],
  options: { log?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const out = options.log ? fs.openSync(options.log, 'a') : 'inherit';
  const child = fork(path.join(ROOT, 'bench/src', module), args, {
    cwd: ROOT,
    env: options.env ?? process.env,
    execArgv: ['--import', 'tsx'],
    detached: true,
    stdio: ['ignore', out, out, 'ipc'],
    serialization: 'advanced',
  });
  if (typeof out === 'number') fs.closeSync(out);
  track(child);
  return child;
}

function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** CPU time a process has used so far, in milliseconds: user, system (the kernel's share) and total. */
export function cpuTimes(pid: number): { user: number; system: number; total: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = (Number(fields[11]) * 1000) / CLK_TCK;
  const system = (Number(fields[12]) * 1000) / CLK_TCK;
  return { user, system, total: user + system };
}

/** CPU time the whole machine has been busy (every core, every process), in milliseconds. */
export function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLK_TCK;
}

/** Resident memory of a process, in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : 0;
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** `root` and every process below it. */
export function descendants(root: number): number[] {
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pid of all) {
      const parent = parentOf(pid);
      if (!found.has(pid) && parent != null && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

interface TcpRow {
  localPort: number;
  remotePort: number;
  state: number;
  txQueue: number;
  rxQueue: number;
  inode: string;
}

/** IPv4 and IPv6 TCP sockets of the machine's network namespace (/proc/net/tcp{,6}). */
export function tcpSockets(): TcpRow[] {
  const rows: TcpRow[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const port = (address: string) => parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
      rows.push({
        localPort: port(f[1]),
        remotePort: port(f[2]),
        state: parseInt(f[3], 16),
        txQueue: parseInt(f[4].split(':')[0], 16),
        rxQueue: parseInt(f[4].split(':')[1], 16),
        inode: f[9],
      });
    }
  }
  return rows;
}

const LISTEN = 0x0a;

/**
 * The process (under `root`) that listens on `port`: `pnpm start` runs pnpm and then the server
 * (node), and only the last one is the server whose CPU and memory count.
 */
export function listenerPid(root: number, port: number): number | null {
  const inodes = new Set(
    tcpSockets()
      .filter((row) => row.state === LISTEN && row.localPort === port)
      .map((row) => `socket:[${row.inode}]`),
  );
  if (inodes.size === 0) return null;
  for (const pid of descendants(root)) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/**
 * Bytes the kernel holds for these loopback connections: unsent on the server's side plus
 * received and unread on the clients' side (a stalled reader's data sits there first).
 */
export function kernelQueued(
  serverPort: number,
  clientPorts: Set<number>,
): { serverSend: number; clientReceive: number } {
  let serverSend = 0;
  let clientReceive = 0;
  for (const row of tcpSockets()) {
    if (row.localPort === serverPort && clientPorts.has(row.remotePort)) serverSend += row.txQueue;
    if (clientPorts.has(row.localPort) && row.remotePort === serverPort) clientReceive += row.rxQueue;
  }
  return { serverSend, clientReceive };
}

/** A free TCP port on loopback (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Microseconds on CLOCK_MONOTONIC: the same clock in every process on the machine. */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}
