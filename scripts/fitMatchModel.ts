// Refits the same-claim model of src/core/crossref/similarity.ts on MSRP train:
//   node --import tsx scripts/fitMatchModel.ts [../shared/eval/data/match/msrp-train.jsonl]
// Prints MODEL weights (logistic regression, Newton's method, L2 1e-3) and accuracy/F1 per threshold.
import { readFileSync } from 'node:fs';
import { claimTerms, pairFeatures } from '../src/core/crossref/similarity';

const file = process.argv[2] ?? '../shared/eval/data/match/msrp-train.jsonl';
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { a: string; b: string; label: boolean });
const X = rows.map((r) => [...pairFeatures(claimTerms(r.a), claimTerms(r.b)), 1]);
const y = rows.map((r) => (r.label ? 1 : 0));
const d = X[0]!.length, lambda = 1e-3;
let w = new Array<number>(d).fill(0);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
for (let iter = 0; iter < 50; iter++) {
  const g = new Array<number>(d).fill(0), H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  X.forEach((x, i) => {
    const p = sigmoid(x.reduce((s, v, k) => s + v * w[k]!, 0)), e = p - y[i]!, q = p * (1 - p);
    for (let j = 0; j < d; j++) { g[j]! += e * x[j]!; for (let k = 0; k < d; k++) H[j]![k]! += q * x[j]! * x[k]!; }
  });
  for (let j = 0; j < d; j++) { g[j]! += lambda * w[j]!; H[j]![j]! += lambda; }
  // Solve H·step = g by Gaussian elimination with partial pivoting.
  const A = H.map((row, j) => [...row, g[j]!]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < d; r++) if (r !== c) { const f = A[r]![c]! / A[c]![c]!; for (let k = c; k <= d; k++) A[r]![k]! -= f * A[c]![k]!; }
  }
  const step = A.map((row, j) => row[d]! / row[j]!);
  w = w.map((v, j) => v - step[j]!);
  if (Math.max(...step.map(Math.abs)) < 1e-8) break;
}
const scores = X.map((x) => sigmoid(x.reduce((s, v, k) => s + v * w[k]!, 0)));
for (let t = 0.36; t <= 0.5; t += 0.01) {
  let right = 0, tp = 0, pred = 0;
  scores.forEach((s, i) => { const p = s >= t; if (p === (y[i] === 1)) right++; if (p) pred++; if (p && y[i]) tp++; });
  console.log(`threshold ${t.toFixed(2)}: accuracy ${(right / rows.length).toFixed(4)} F1 ${((2 * tp) / (pred + y.filter(Boolean).length)).toFixed(4)}`);
}
console.log(`w: ${JSON.stringify(w.slice(0, -1).map((v) => Math.round(v * 1e4) / 1e4))},\nb: ${Math.round(w[d - 1]! * 1e4) / 1e4},`);
