// What the WebAssembly module needs from JavaScript itself.

// The error every zhenxing call throws: a real Error subclass with a stable code and an input path.
export class PolicyError extends Error {
  constructor(code, path, message, problems) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.path = path;
    this.problems = problems ?? [];
  }
}

export function makePolicyError(code, path, message, problems) {
  return new PolicyError(code, path, message, problems);
}

// Inputs cross into the module as JSON text, so the WebAssembly build reads exactly what the native
// build reads. JSON would turn NaN and Infinity into null (that is, "absent"); they are sent as the
// strings "NaN", "Infinity" and "-Infinity" instead, which the engine refuses with a clear error.
// Values JSON cannot hold (BigInt, cycles) give undefined, which the engine also refuses.
export function toJson(value) {
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch {
    return undefined;
  }
}
