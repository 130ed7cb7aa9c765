/** The figures each benchmark section returns, and the closing table of targets (issue 6). */
import { fmtMs, fmtRatio } from './measure.ts';

/** Named figures, e.g. { 'rebuild.embedded.ms': 3120 }. */
export type Figures = Record<string, number>;

/** One target of issue 6: the figure it reads, how it is shown and when it is met (null: shown for reference, not a target). */
interface Target {
  label: string;
  figure: string;
  show: (v: number) => string;
  met: ((v: number) => boolean) | null;
}

const TARGETS: Target[] = [
  { label: 'rebuild of the fixtures, embedded (existing data directory) < 5 s', figure: 'rebuild.embedded.ms', show: fmtMs, met: (v) => v < 5000 },
  { label: '  the same, CPU time of all its threads (for reference)', figure: 'rebuild.embedded.cpuMs', show: fmtMs, met: null },
  { label: 'rebuild of the fixtures, embedded (fresh data directory) < 5 s', figure: 'rebuild.embedded.fresh.ms', show: fmtMs, met: (v) => v < 5000 },
  { label: '  the same, CPU time (for reference)', figure: 'rebuild.embedded.fresh.cpuMs', show: fmtMs, met: null },
  { label: 'PDF: extract + transform ≤ 1.25× pdf-parse getText (warm)', figure: 'pdf.ratio.getText', show: fmtRatio, met: (v) => v <= 1.25 },
  { label: 'PDF: extract + transform ≤ 2.5× pdftotext (warm)', figure: 'pdf.ratio.pdftotext', show: fmtRatio, met: (v) => v <= 2.5 },
  { label: 'loader ≥ 50% of raw COPY rows/s, server', figure: 'load.server.ratio', show: fmtRatio, met: (v) => v >= 0.5 },
  { label: 'loader ≥ 50% of PGlite COPY rows/s, embedded', figure: 'load.embedded.ratio', show: fmtRatio, met: (v) => v >= 0.5 },
  { label: '30-edition corpus rebuilt (embedded) < 60 s', figure: 'scale.embedded.ms', show: fmtMs, met: (v) => v < 60_000 },
  { label: '  the same, CPU time (for reference)', figure: 'scale.embedded.cpuMs', show: fmtMs, met: null },
  { label: 'peak RSS, 30 editions ≤ 1.5× 3 editions (embedded)', figure: 'scale.embedded.rssRatio', show: fmtRatio, met: (v) => v <= 1.5 },
  { label: 'peak RSS, 30 editions ≤ 1.5× 3 editions (server)', figure: 'scale.server.rssRatio', show: fmtRatio, met: (v) => v <= 1.5 },
];

/** Prints every target with its figure and whether it is met (those not measured are listed). */
export function printTargets(figures: Figures): void {
  console.log('\nTargets (issue 6):');
  for (const t of TARGETS) {
    const v = figures[t.figure];
    const verdict = t.met === null ? '' : t.met(v) ? '  met' : '  NOT met';
    const status = v === undefined || Number.isNaN(v) ? 'not measured' : `${t.show(v).padStart(8)}${verdict}`;
    console.log(`  ${t.label.padEnd(70)} ${status}`);
  }
}
