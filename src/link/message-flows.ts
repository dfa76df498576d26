/**
 * Message flows: every (transport, topic) with the units that produce it and
 * the units that consume it. Topics written as constants or enum members are
 * followed to their string through imports (`Subjects.TicketCreated` →
 * `ticket:created`); a NATS `Publisher` subclass makes each file that calls
 * `new XPublisher(…)` a producer of its subject.
 */
import type { ArgFact, EntryPoint, FileFacts, MessageSend } from '../extract/file-facts.js';
import { findMessageSends, queueNamesOf, queueTransport, subjectOf, usesOf } from '../extract/messaging.js';
import type { Flow, FlowSite } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import type { ProjectIndex } from './project-index.js';

/** Entry-point kinds that receive messages. */
const MESSAGE_KINDS = new Set(['message', 'event', 'queue']);
/** Transports whose consumer topic is `queue:job` while producers name the queue. */
const QUEUES = new Set(['bull', 'bullmq']);

/** The string a constant, enum member or object-constant property holds, following up to 4 references. */
export function followTopic(index: ProjectIndex, file: string, ref: string, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const [head, ...rest] = ref.split('.');
  const r = index.resolveName(file, head);
  if (r?.kind !== 'internal') return undefined;
  const facts = index.files.get(r.file);
  if (!facts) return undefined;
  const valueOf = (arg: ArgFact | undefined): string | undefined => {
    if (!arg) return undefined;
    if (arg.k === 'str') return arg.v;
    if (arg.k === 'tpl' && arg.exprs.length === 0) return arg.parts[0];
    if (arg.k === 'id' || arg.k === 'member') return followTopic(index, r.file, arg.v, depth + 1);
    return undefined;
  };
  const top = (name: string) => facts.variables.find((v) => v.name === name && v.scope === '<module>');
  // Enum member (`Subjects.TicketCreated` is recorded as a variable of that name).
  const member = rest.length > 0 ? top(`${r.name}.${rest.join('.')}`) : undefined;
  if (member) return valueOf(member.init);
  let value = top(r.name)?.init;
  for (const key of rest) value = value?.k === 'obj' ? value.props[key] : undefined;
  return valueOf(value);
}

interface Located {
  unit: string;
  transport: string;
  topic: string;
  symbol: string;
  line: number;
}

/** A name that reads as a constant (`Subjects.OrderCreated`, `ORDER_QUEUE`), not a local variable (`data`, `subject`). */
const CONSTANT_NAME = /\.|^[A-Z]/;

function resolved(index: ProjectIndex, file: string, x: { topic?: string; topicRef?: string }): string | undefined {
  if (!x.topicRef) return x.topic;
  return followTopic(index, file, x.topicRef) ?? (CONSTANT_NAME.test(x.topicRef) ? x.topicRef : undefined);
}

/** Entry points with their topics followed (`topicRef` dropped once followed). */
export function resolveEntryTopics(index: ProjectIndex, file: string, entryPoints: EntryPoint[]): EntryPoint[] {
  return entryPoints.map((e) => {
    if (!e.topicRef) return e;
    const { topicRef, ...rest } = e;
    const topic = followTopic(index, file, topicRef);
    return topic === undefined ? { ...rest, topic: topicRef, topicRef } : { ...rest, topic };
  });
}

/** Sends of every file, NATS publisher-class instantiations included. */
function sendsOf(files: readonly FileFacts[], index: ProjectIndex): Located[] {
  const out: Located[] = [];
  for (const f of files) {
    const sends: MessageSend[] = findMessageSends(f.classes, f.calls, f.imports);
    for (const call of f.calls) {
      if (!call.callee.startsWith('new ')) continue;
      const ref = index.resolveClass(f.path, call.callee.slice(4));
      const subject = ref && subjectOf(ref.cls, 'Publisher');
      if (!ref || !subject) continue;
      const topic = resolved(index, ref.file, subject);
      if (topic) sends.push({ transport: 'nats', topic, symbol: call.symbol, line: call.line });
    }
    for (const s of sends) {
      const queue = s.queueOf ? importedQueue(index, f.path, s.queueOf) : undefined;
      if (queue) {
        out.push({ unit: f.path, ...queue, symbol: s.symbol, line: s.line });
        continue;
      }
      const topic = resolved(index, f.path, s);
      if (topic) out.push({ unit: f.path, transport: s.transport, topic, symbol: s.symbol, line: s.line });
    }
  }
  return out;
}

/** The name and transport of a queue instance declared in another file (`export const q = new Queue('…')`). */
function importedQueue(index: ProjectIndex, file: string, local: string): { transport: string; topic: string } | undefined {
  const r = index.resolveName(file, local);
  const facts = r?.kind === 'internal' ? index.files.get(r.file) : undefined;
  if (!r || r.kind !== 'internal' || !facts) return undefined;
  const queue = queueNamesOf(facts.classes, facts.calls).get(r.name);
  const topic = queue && resolved(index, r.file, queue);
  return topic ? { transport: queueTransport(usesOf(facts.imports)), topic } : undefined;
}

export function messageFlows(files: readonly FileFacts[], index: ProjectIndex, entryPoints: Map<string, EntryPoint[]>): Flow[] {
  const flows = new Map<string, { transport: string; topic: string; producers: FlowSite[]; consumers: FlowSite[] }>();
  const flow = (transport: string, topic: string) => {
    const key = `${transport}\u0000${topic}`;
    let f = flows.get(key);
    if (!f) flows.set(key, (f = { transport, topic, producers: [], consumers: [] }));
    return f;
  };
  for (const s of sendsOf(files, index)) flow(s.transport, s.topic).producers.push({ unit: s.unit, symbol: s.symbol, line: s.line });
  for (const [unit, eps] of entryPoints) {
    for (const e of eps) {
      if (!MESSAGE_KINDS.has(e.kind) || !e.transport || e.topic === undefined) continue;
      // Nest's `@Processor('q')` + `@Process('job')` handler reads `q:job`; producers name the queue.
      const topic = QUEUES.has(e.transport) && e.framework === 'nestjs' ? e.topic.split(':')[0] : e.topic;
      flow(e.transport, topic).consumers.push({ unit, symbol: e.symbol, line: e.line });
    }
  }
  const bySite = (a: FlowSite, b: FlowSite): number =>
    compareStrings(a.unit, b.unit) || a.line - b.line || compareStrings(a.symbol, b.symbol);
  return [...flows.values()]
    .map((f) => {
      const producers = f.producers.sort(bySite);
      const consumers = f.consumers.sort(bySite);
      return {
        topic: f.topic,
        transport: f.transport,
        producers: [...new Set(producers.map((p) => p.unit))],
        consumers: [...new Set(consumers.map((c) => c.unit))],
        sites: { producers, consumers },
      };
    })
    .sort((a, b) => compareStrings(a.transport, b.transport) || compareStrings(a.topic, b.topic));
}
