import type { Figure } from './harness.js';

/** A Markdown table (it reads well in a terminal and pastes into the README as it is). */
export function printTable(figures: readonly Figure[]): string {
  const header = ['figure', 'Stowaway', 'anchor', 'ratio', 'goal'];
  const rows = figures.map((f) => [f.name, f.stowaway, f.anchor, f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}x`, f.goal]);
  const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => row[col]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
