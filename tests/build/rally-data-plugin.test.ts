import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rallyDataFile, rallyDataSource } from '../../build/rally-data-plugin.ts';

describe('rallyDataSource', () => {
  it('builds from data/rallies.geojson by default', () => {
    expect(rallyDataSource('/repo', {})).toBe(resolve('/repo', rallyDataFile));
    expect(rallyDataSource('/repo', { RALLY_DATA: '' })).toBe(resolve('/repo', 'data/rallies.geojson'));
  });

  it('builds from RALLY_DATA when it is set, relative to the project root', () => {
    expect(rallyDataSource('/repo', { RALLY_DATA: 'tmp/rallies-100000.geojson' })).toBe(
      '/repo/tmp/rallies-100000.geojson',
    );
    expect(rallyDataSource('/repo', { RALLY_DATA: '/data/big.geojson' })).toBe('/data/big.geojson');
  });
});
