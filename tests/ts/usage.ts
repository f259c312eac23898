// Type-checked (tsc --noEmit) against the installed package: the declarations match API.md.
import { PolicyEngine, PolicyError, version } from 'zhenxing';
import type { ErrorCode, Measure, ParameterInfo, RegionInfo, TransitionStatus } from 'zhenxing';

declare function report(...values: unknown[]): void;

const engine: PolicyEngine = new PolicyEngine();
const t: TransitionStatus = engine.transition('2023-06-01', '230129');
const phase: 'before' | 'transition' | 'after' = t.phase;
const year: number | undefined = t.year;
const pilot: boolean = t.fundIntegrationPilot;
const days: number = t.daysRemaining;
const measures: Measure[] = t.measures;
const firstCitation: string | undefined = measures[0]?.citation;
const unofficial: string[] = t.unofficial;
const whatIf: PolicyEngine = engine.withOverrides({ 'dibao.standard.rural': '500', 'transition.end': [{ from: '2020-12-16', value: '2026-12-31' }] });
const catalogue: ParameterInfo[] = engine.parameters();
const regions: RegionInfo[] = engine.regions();
const v: string = version();

try {
  PolicyEngine.fromParameters('{}');
} catch (e) {
  if (e instanceof PolicyError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    const problems: { path: string; message: string }[] = e.problems;
    report(code, path, problems.length);
  }
}

// @ts-expect-error: a year is a number, not a string
const wrong: string = t.year;

report(phase, year, pilot, days, firstCitation, unofficial, whatIf, catalogue, regions, v, wrong);
