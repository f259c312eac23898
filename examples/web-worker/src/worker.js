// The engine lives in the worker: the page stays responsive while a register is estimated.
import { PolicyEngine } from 'zhenxing';

// One engine for the worker's whole life (created once, never per message).
const engine = new PolicyEngine();

self.onmessage = ({ data: { household, asOf } }) => {
  try {
    self.postMessage({ ok: true, estimate: engine.estimate(household, asOf) });
  } catch (e) {
    // An Error crosses postMessage without its own fields: send PolicyError's code, path and message.
    self.postMessage({ ok: false, error: { name: e.name, code: e.code, path: e.path, message: e.message } });
  }
};
