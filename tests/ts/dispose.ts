// `using` frees an engine at the end of its block (needs TypeScript's esnext.disposable lib, or
// esnext). Type-checked with that lib only.
import { PolicyEngine } from 'zhenxing';

declare function report(...values: unknown[]): void;

function yearIn(region: string): number | undefined {
  using engine = new PolicyEngine();
  return engine.transition('2023-06-01', region).year;
}
report(yearIn('230129'));
