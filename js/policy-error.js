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
