// Every test file gets a file store folder of its own (FILES_DIR), removed afterwards:
// tests never write into the developer's data folder, and can count what a folder holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const folder = mkdtempSync(path.join(tmpdir(), 'participa-files-'));
process.env.FILES_DIR = folder;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});
