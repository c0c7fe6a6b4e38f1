import { syntheticRallyIndex } from './synthetic-data.ts';

/** Generates (or finds) the synthetic rally files and their rally indexes that tests/e2e/scale.spec.ts serves, once per run. */
export default function globalSetup(): void {
  syntheticRallyIndex(10_000);
  syntheticRallyIndex(100_000);
}
