import { syntheticRallyFile } from './synthetic-data.ts';

/** Generates (or finds) the synthetic rally files tests/e2e/scale.spec.ts serves, once per run. */
export default function globalSetup(): void {
  syntheticRallyFile(10_000);
  syntheticRallyFile(100_000);
}
