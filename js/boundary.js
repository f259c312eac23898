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

// Inputs cross into the module as JSON text (UTF-8 bytes, copied into the module in one go), so the
// WebAssembly build reads exactly what the native build reads. JSON would turn NaN and Infinity into
// null (that is, "absent"); they are sent as the strings "NaN", "Infinity" and "-Infinity" instead,
// which the engine refuses with a clear error. Values JSON cannot hold (BigInt, cycles) give
// undefined, which the engine also refuses.
const encoder = new TextEncoder();
const nonFinite = (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

export function toJson(value) {
  try {
    // Fast path: without a replacer. A non-finite number would have become null, so any null in
    // the text sends it down the careful path (real nulls, meaning absent, are rare).
    const plain = JSON.stringify(value);
    if (plain === undefined) return undefined;
    return encoder.encode(plain.includes('null') ? JSON.stringify(value, nonFinite) : plain);
  } catch {
    return undefined;
  }
}
