import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('npm run worker works the queue at a lower CPU priority and stops cleanly on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'server/worker.ts'], // one process: tsx's CLI would start another
    { cwd: ROOT, env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'stowaway-worker-')) } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await expect.poll(() => output, { timeout: 20_000, interval: 100 }).toContain('working the alert queue');
    // Background work: the servers on the same machine answer people first.
    expect(getPriority(child.pid)).toBe(10);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}, 30_000);
