import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/pipeline/check-archive.ts';

describe('the bundled archive', () => {
  it('validates without errors or warnings', async () => {
    const archive = await checkArchive('.');
    expect(archive.diagnostics).toEqual([]);
    expect(archive.minutes.map((m) => m.id).sort()).toEqual([
      '2018-02-12-cizinci',
      '2020-02-17-cizinci',
      '2021-10-25-cizinci',
    ]);
    expect(archive.registers.organizations.size).toBeGreaterThanOrEqual(22);
  });
});
