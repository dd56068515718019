// temporary experiment harness (removed at end)
import { readFileSync } from 'node:fs';
import { trainCueModel } from '../src/core/attribution/trainCueModel';
import { findCues as findCues0 } from '../src/core/attribution/findCues';
import { findAttributions } from '../src/core/attribution/findAttributions';
import * as CM from '../src/core/attribution/cueModel';
const REAL = !!process.env.REAL;
const findCues = (ctx: any, view: any, m: any): any[] => {
  if (!REAL) return findCues0(ctx, view, m);
  (CM as any).__set?.(m);
  return findAttributions(ctx, [], {}).map((a: any) => ({ first: ctx.tokens.findIndex((t: any) => t.end > a.cue.start), end: ((e: number) => e < 0 ? ctx.tokens.length : e)(ctx.tokens.findIndex((t: any) => t.start >= a.cue.end)) }));
};
import { tokenize } from '../src/core/text/tokenize';
import { splitSentences } from '../src/core/text/sentences';
import { buildTokenView } from '../src/core/attribution/view';
const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const train = read('../shared/eval/data/attribution/polnear-train.jsonl');
const dev = read('../shared/eval/data/attribution/polnear-dev.jsonl');
const epochs = Number(process.env.EPOCHS ?? 8);
let t0 = Date.now();
const model = trainCueModel(train.map((r: any) => ({ text: r.text, cues: r.attributions.flatMap((a: any) => a.cue) })), { epochs, minFeatureCount: Number(process.env.MFC ?? 10), minRatio: Number(process.env.MR ?? 0.05), margin: Number(process.env.MARGIN ?? 0) });
console.log('trained', Date.now() - t0, 'ms', model.weights.size, 'weights', model.candidates.size, 'cands');
const prep = (rows: any[]) => rows.map((r) => { const tokens = tokenize(r.text); const sentences = splitSentences(r.text, tokens); const ctx = { text: r.text, tokens, sentences, published: null } as any; return { r, ctx, view: buildTokenView(ctx) }; });
function evalOn(P: any[], th: number) {
  const m = { ...model, threshold: th };
  let pred = 0, ptp = 0, gold = 0, gtp = 0;
  for (const { r, ctx, view } of P) {
    const cues = findCues(ctx, view, m).map((c) => ({ start: ctx.tokens[c.first].start, end: ctx.tokens[c.end - 1].end }));
    const g = r.attributions.filter((a: any) => a.cue.length).map((a: any) => a.cue);
    const ov = (a: any, b: any) => a.start < b.end && b.start < a.end;
    pred += cues.length; ptp += cues.filter((c) => g.some((gs: any) => gs.some((s: any) => ov(s, c)))).length;
    gold += g.length; gtp += g.filter((gs: any) => cues.some((c) => gs.some((s: any) => ov(s, c)))).length;
  }
  const p = ptp / pred, rr = gtp / gold; return { th, p: p.toFixed(3), r: rr.toFixed(3), f: (2 * p * rr / (p + rr)).toFixed(4) };
}
const D = prep(dev);
const ths = (process.env.THS ?? '-4,-3,-2,-1,0,1,2').split(',').map(Number);
for (const th of ths) console.log(JSON.stringify(evalOn(D, th)));
if (process.env.TRAINEVAL) { const T = prep(train.slice(0, 200)); console.log('train', JSON.stringify(evalOn(T, -2))); }
if (process.env.ERR) {
  const m = { ...model, threshold: -2 };
  const fn = new Map<string, number>(), fp = new Map<string, number>();
  for (const { r, ctx, view } of D) {
    const cues = findCues(ctx, view, m).map((c) => ({ start: ctx.tokens[c.first].start, end: ctx.tokens[c.end - 1].end }));
    const g = r.attributions.filter((a: any) => a.cue.length).map((a: any) => a.cue);
    const ov = (a: any, b: any) => a.start < b.end && b.start < a.end;
    for (const c of cues) if (!g.some((gs: any) => gs.some((s: any) => ov(s, c)))) { const w = r.text.slice(c.start, c.end).toLowerCase(); fp.set(w, (fp.get(w) ?? 0) + 1); }
    for (const gs of g) if (!cues.some((c) => gs.some((s: any) => ov(s, c)))) { const w = gs.map((s: any) => r.text.slice(s.start, s.end)).join(' ').toLowerCase(); fn.set(w, (fn.get(w) ?? 0) + 1); }
  }
  console.log('FP', [...fp].sort((a, b) => b[1] - a[1]).slice(0, 60).map((x) => x.join(':')).join(' '));
  console.log('FN', [...fn].sort((a, b) => b[1] - a[1]).slice(0, 80).map((x) => x.join(':')).join(' '));
  console.log('FNtotal', [...fn.values()].reduce((a, b) => a + b, 0), 'FPtotal', [...fp.values()].reduce((a, b) => a + b, 0));
}
if (process.env.CEIL) {
  let noCand = 0, below = 0, tot = 0; const belowW = new Map<string, number>();
  for (const { r, ctx, view } of D) {
    const m = { ...model, threshold: -2 };
    const cues = findCues(ctx, view, m).map((c) => ({ start: ctx.tokens[c.first].start, end: ctx.tokens[c.end - 1].end }));
    const ov = (a: any, b: any) => a.start < b.end && b.start < a.end;
    for (const a of r.attributions) { if (!a.cue.length) continue;
      if (cues.some((c) => a.cue.some((s: any) => ov(s, c)))) continue; tot++;
      const toks = ctx.tokens.map((t: any, i: number) => i).filter((i: number) => a.cue.some((s: any) => ov(s, ctx.tokens[i])));
      const cand = toks.filter((i: number) => model.candidates.has(view.lower[i]));
      if (!cand.length) noCand++; else { below++; for (const i of cand) belowW.set(view.lower[i], (belowW.get(view.lower[i]) ?? 0) + 1); }
    }
  }
  console.log('FN', tot, 'noCand', noCand, 'belowThreshold', below);
  console.log([...belowW].sort((a, b) => b[1] - a[1]).slice(0, 60).map((x) => x.join(':')).join(' '));
}
if (process.env.CTX) {
  const words = new Set(process.env.CTX.split(','));
  const m = { ...model, threshold: -2 };
  for (const { r, ctx, view } of D) {
    const cs = findCues(ctx, view, m);
    const cues = cs.map((c) => ({ start: ctx.tokens[c.first].start, end: ctx.tokens[c.end - 1].end }));
    const g = r.attributions.filter((a: any) => a.cue.length).map((a: any) => a.cue);
    const ov = (a: any, b: any) => a.start < b.end && b.start < a.end;
    for (const c of cues) if (!g.some((gs: any) => gs.some((s: any) => ov(s, c))) && words.has(r.text.slice(c.start, c.end).toLowerCase())) console.log('FP', JSON.stringify(r.text.slice(c.start - 90, c.start) + '[[' + r.text.slice(c.start, c.end) + ']]' + r.text.slice(c.end, c.end + 50)));
    for (const gs of g) if (!cues.some((c) => gs.some((s: any) => ov(s, c))) && words.has(gs.map((s: any) => r.text.slice(s.start, s.end)).join(' ').toLowerCase())) { const c = gs[0]; console.log('FN', JSON.stringify(r.text.slice(c.start - 90, c.start) + '[[' + r.text.slice(c.start, c.end) + ']]' + r.text.slice(c.end, c.end + 50))); }
  }
}
