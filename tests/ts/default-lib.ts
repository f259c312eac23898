// Type-checked as `tsc --noEmit --strict default-lib.ts`, with no tsconfig: TypeScript's defaults
// (target ES5 and its lib, CommonJS). The package's declarations must hold there too: they used to
// fail on `[Symbol.dispose]` ('Symbol' only refers to a type).
import { PolicyEngine, RegisterScreen } from 'zhenxing';
import type { Household } from 'zhenxing';

declare function report(...values: unknown[]): void;

const engine = new PolicyEngine();
// README: null means absent.
const household: Household = { region: '230129', income: null, members: [{ birthDate: '1960-01-01', wages: null }] };
const total: string = engine.estimate(household, '2023-06-01', { explain: false }).totalAnnual;
const screen: RegisterScreen = RegisterScreen.screen(engine, JSON.stringify(household) + '\n', '2023-06-01');
screen[Symbol.dispose]();
engine.free();
report(total);
