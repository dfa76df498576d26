/** Gathers violations: applies severities and exceptions, keeps one per identity (its first location). */
import type { ViolationKind } from '../config/options.js';
import type { Violation } from '../model/check-result.js';
import { compareStrings } from '../util/sort.js';
import type { BoundaryRules, Subject } from './boundary-rules.js';

export interface Candidate {
  kind: ViolationKind;
  from: string;
  to: string;
  id: string;
  file: string;
  line: number;
  message: string;
  subject: Subject;
}

export class ViolationCollector {
  private readonly byId = new Map<string, Violation>();

  constructor(private readonly rules: BoundaryRules) {}

  add(c: Candidate): void {
    const level = this.rules.level(c.kind, c.from, c.subject.service);
    if (level === 'off' || this.rules.allowed(c.kind, c.from, c.subject)) return;
    const seen = this.byId.get(c.id);
    if (seen && (compareStrings(seen.file, c.file) || seen.line - c.line) <= 0) return;
    this.byId.set(c.id, {
      id: c.id,
      kind: c.kind,
      severity: level,
      from: c.from,
      to: c.to,
      file: c.file,
      line: c.line,
      message: c.message,
      status: 'new',
    });
  }

  violations(): Violation[] {
    return [...this.byId.values()].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.id, b.id));
  }
}
