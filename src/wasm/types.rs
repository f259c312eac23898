//! TypeScript the generated declarations need beyond the Rust types: argument types, the error
//! class, money and overrides.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `{ explain?: boolean }`, the last argument of every household call (optional).
    #[wasm_bindgen(typescript_type = "CallOptions")]
    pub type OptionsArg;
    /// `{ format?, headers? }`, the options of `screenText` (optional).
    #[wasm_bindgen(typescript_type = "TextOptions")]
    pub type TextOptionsArg;
    /// A 6-digit region code.
    #[wasm_bindgen(typescript_type = "string")]
    pub type RegionArg;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type ErrorCode = 'INVALID_INPUT' | 'INVALID_REGION' | 'INVALID_DATE' | 'OUT_OF_RANGE'
  | 'INVALID_PARAMETERS' | 'UNKNOWN_PARAMETER' | 'NOT_INITIALIZED' | 'ENGINE_FREED';
/** Thrown by every zhenxing call that fails. After it, the engine keeps working. */
export class PolicyError extends Error {
  readonly name: 'PolicyError';
  /** Stable code to switch on. */
  readonly code: ErrorCode;
  /** Where in the input, e.g. `members[2].birthDate`; empty when the whole input is at fault. */
  readonly path: string;
  /** Every problem, when a whole document (a parameter file) was checked. */
  readonly problems: { path: string; message: string }[];
}
/** Money in: a decimal string ("1234.50") or a finite number with at most two decimal places. */
export type Money = string | number;
/** A dated value for `withOverrides`. */
export interface DatedValue { from: string; region?: string; value: string | number }
export type Overrides = Record<string, string | number | DatedValue[]>;
/**
 * The last argument of every household call. `explain: true` (single calls' default) adds the
 * words: labels, reasons, steps, facts, citations and sentences; `explain: false` (batches'
 * default) gives figures, booleans, ids and dates only.
 */
export interface CallOptions { explain?: boolean }
/** The options of `estimateMany` (the same as every call's). */
export type BatchOptions = CallOptions;
/** An unexplained estimate's transition. */
export interface LeanTransition {
  phase: 'before' | 'transition' | 'after';
  year?: number;
  daysRemaining: number;
  fundIntegrationPilot: boolean;
}
/** A non-official figure an estimate rests on, with the parts that used it. */
export interface UnofficialUse {
  parameter: string;
  /** The parts that used it: programme ids (`labels().program`), and `transition` and `alerts` (`labels().part`). */
  usedBy: string[];
}
/** A stale figure an estimate rests on, with the parts that used it (`text` when explained). */
export interface StaleUse {
  parameter: string;
  lastFrom: string;
  /** The parts that used it: programme ids (`labels().program`), and `transition` and `alerts` (`labels().part`). */
  usedBy: string[];
  text?: string;
}
/** An assumption an estimate rests on, with the parts that used it (`text` when explained). */
export interface AssumptionUse {
  rule: string;
  /** The parts that used it: programme ids (`labels().program`), and `transition` and `alerts` (`labels().part`). */
  usedBy: string[];
  text?: string;
}
/**
 * What a register's figures rested on, over its households computed, in an unexplained estimate's
 * shape: each item once, with every part that used it in any household (`screenColumns`'
 * `basis`, a comparison's `basisBefore` and `basisAfter`, `RegisterScreen.summary()`'s `basis`).
 * `describe(name)` gives an item's words.
 */
export interface RegisterBasis { unofficial: UnofficialUse[]; stale: StaleUse[]; assumptions: AssumptionUse[] }
/**
 * A form or a household file read into a household (`readForm`, `readHousehold`): check `ok` (or
 * `problems`) before using `household` as a `Household`.
 */
export type FormReading = FormReadingOk | FormReadingWithProblems;
/** A reading with no problem: the household is ready for `estimate`. */
export interface FormReadingOk {
  /** No problem. */
  ok: true;
  /** The household the values describe. */
  household: Household;
  /** Empty. */
  problems: Problem[];
}
/** A reading with problems: the household is only what was read. */
export interface FormReadingWithProblems {
  /** At least one problem. */
  ok: false;
  /**
   * The values as far as they were read (normalised where they could be), not a `Household`: a
   * required field may be missing (`members`), a value of another type, a member row `null`;
   * `null` when a file is not JSON.
   */
  household: Record<string, unknown> | null;
  /** Every problem found, each at its field (`members[2].birthDate`); never empty. */
  problems: Problem[];
}
"#;
