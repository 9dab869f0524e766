// The admin account: parsed from --admin, or generated once and then read back from the data dir.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminFilePath, parseAdminFlag, readStoredAdmin, resolveAdmin } from './admin.credentials';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'td-admin-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('admin credentials', () => {
  it('parses USER:PASS, keeping colons in the password', () => {
    expect(parseAdminFlag('root:a:b')).toEqual({ name: 'root', password: 'a:b' });
    for (const bad of ['root', 'root:', ':pw', 'two words:pw']) expect(() => parseAdminFlag(bad), bad).toThrow(/USER:PASS/);
  });

  it('generates an admin once, stores it privately, and reads the same one back', () => {
    const dir = join(tempDir(), 'data');
    const first = resolveAdmin(dir);
    expect(first.source).toBe('generated');
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    expect(statSync(adminFilePath(dir)).mode & 0o777).toBe(0o600);
    const again = resolveAdmin(dir);
    expect(again).toEqual({ name: first.name, password: first.password, source: 'stored' });
    expect(readStoredAdmin(dir)).toEqual({ name: first.name, password: first.password });
  });

  it('prefers the --admin flag and stores nothing then', () => {
    const dir = tempDir();
    expect(resolveAdmin(dir, { name: 'root', password: 'pw' })).toEqual({ name: 'root', password: 'pw', source: 'flag' });
    expect(readStoredAdmin(dir)).toBeNull();
  });
});
