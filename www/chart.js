// @ts-check
// The income curve as an SVG drawn by the page (no library, no CDN).
const NS = 'http://www.w3.org/2000/svg';
const W = 760;
const H = 280;
const PAD = { left: 70, right: 20, top: 16, bottom: 40 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ, at least 1) that cuts 0…`max` into at most `parts`. */
function roundStep(max, parts = 4) {
  const raw = max / parts;
  const mag = 10 ** Math.max(0, Math.floor(Math.log10(raw)));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => Number.isInteger(s) && s >= raw) ?? 10 * mag;
}

/** Draw `curve` (IncomeCurve) with the household at (`income`, `total`) marked. */
export function drawCurve(node, curve, income, total) {
  const pts = curve.points.map((p) => [Number(p.income), Number(p.totalAnnual)]);
  const xMax = Math.max(...pts.map((p) => p[0]), 1);
  // The axes are marked in round steps: the vertical one ends on a mark above the highest point.
  const yRoom = Math.max(...pts.map((p) => p[1]), Number(total), 1) * 1.1;
  const yStep = roundStep(yRoom);
  const yMax = yStep * Math.ceil(yRoom / yStep);
  const xStep = roundStep(xMax);
  const x = (v) => PAD.left + (Math.min(v, xMax) / xMax) * (W - PAD.left - PAD.right);
  const y = (v) => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': '收入与帮扶金额曲线', class: 'curve' });
  root.append(svg('line', { x1: PAD.left, y1: y(0), x2: W - PAD.right, y2: y(0), class: 'axis' }));
  root.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: y(0), class: 'axis' }));
  for (let xv = 0; xv <= xMax; xv += xStep) {
    root.append(svg('text', { x: x(xv), y: H - PAD.bottom + 18, class: 'tick', 'data-axis': 'x', 'text-anchor': 'middle' }, xv.toLocaleString('zh-CN')));
  }
  for (let yv = 0; yv <= yMax; yv += yStep) {
    root.append(svg('text', { x: PAD.left - 6, y: y(yv) + 4, class: 'tick', 'data-axis': 'y', 'text-anchor': 'end' }, yv.toLocaleString('zh-CN')));
  }
  for (const c of curve.cliffs) {
    const cx = x((Number(c.fromIncome) + Number(c.toIncome)) / 2);
    const line = svg('line', { x1: cx, y1: PAD.top, x2: cx, y2: y(0), class: 'cliff', 'data-cliff': c.fromIncome });
    line.append(svg('title', {}, c.text));
    root.append(line);
  }
  root.append(svg('polyline', { points: pts.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' '), class: 'line', 'data-points': pts.length }));
  const here = svg('circle', { cx: x(Number(income)), cy: y(Number(total)), r: 6, class: 'here', 'data-income': income, 'data-total': total });
  here.append(svg('title', {}, `本户：收入 ${income} 元，帮扶 ${total} 元/年`));
  root.append(here);
  node.replaceChildren(root);
}
