/**
 * Entry points — HTTP handlers, message/event handlers, queue processors and
 * scheduled jobs — derived from a file's class and call facts.
 */
import { compareStrings } from '../util/sort.js';
import type { ArgFact, CallFact, ClassFact, EntryPoint, ImportFact } from './file-facts.js';
import { findMessageConsumers, topicOf } from './messaging.js';

const HTTP_DECORATORS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Options: 'OPTIONS',
  Head: 'HEAD',
  All: 'ALL',
};
const MESSAGE_DECORATORS = new Set(['EventPattern', 'MessagePattern', 'SubscribeMessage', 'GrpcMethod', 'RabbitSubscribe', 'RabbitRPC']);
const EVENT_DECORATORS = new Set(['OnEvent', 'EventsHandler', 'CommandHandler', 'QueryHandler']);
const CRON_DECORATORS = new Set(['Cron', 'Interval', 'Timeout']);
const GRAPHQL_DECORATORS: Record<string, string> = { Query: 'QUERY', Mutation: 'MUTATION', Subscription: 'SUBSCRIPTION' };

const ROUTER_FRAMEWORKS: [RegExp, string][] = [
  [/^express$/, 'express'],
  [/^fastify$/, 'fastify'],
  [/^(koa|@koa\/router|koa-router)$/, 'koa'],
  [/^hono(\/.*)?$/, 'hono'],
  [/^(restify|polka|@hapi\/hapi)$/, 'express'],
];
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);
/** Receivers that are HTTP clients, not routers. */
const CLIENT_RECEIVER =
  /(^|\.)(axios|http|https|httpService|client|request|got|superagent|fetch|api|ky|supertest|agent|cache|map|store|redis|params|query|headers|searchParams|config|configService)$/i;

/** A literal route or topic from a decorator/call argument; patterns as JSON. */
function literal(arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k === 'num') return String(arg.v);
  if (arg.k === 'tpl') return arg.parts.join('{}');
  if (arg.k === 'obj') {
    const path = arg.props.path ?? arg.props.cmd ?? arg.props.name;
    if (path) return literal(path);
    return JSON.stringify(Object.fromEntries(Object.entries(arg.props).map(([k, v]) => [k, literal(v) ?? '?'])));
  }
  if (arg.k === 'arr') return arg.items.map(literal).filter(Boolean).join(',');
  if (arg.k === 'member' || arg.k === 'id') return arg.v;
  return undefined;
}

export function joinRoute(prefix: string | undefined, path: string | undefined): string {
  const parts = [prefix, path].filter((p): p is string => !!p).map((p) => p.replace(/^\/+|\/+$/g, ''));
  return `/${parts.filter(Boolean).join('/')}`;
}

function fromClass(cls: ClassFact, imports: ImportFact[]): EntryPoint[] {
  const out: EntryPoint[] = [];
  const controller = cls.decorators.find((d) => d.name === 'Controller');
  const prefix = controller ? literal(controller.args[0]) : undefined;
  const processor = cls.decorators.find((d) => d.name === 'Processor');
  const queue = processor ? literal(processor.args[0]) : undefined;
  const isResolver = cls.decorators.some((d) => d.name === 'Resolver');
  const isGateway = cls.decorators.some((d) => d.name === 'WebSocketGateway');
  for (const m of cls.members) {
    if (m.kind !== 'method') continue;
    const symbol = `${cls.name}.${m.name}`;
    for (const d of m.decorators) {
      const method = HTTP_DECORATORS[d.name];
      if (method && controller) {
        out.push({ kind: 'http', framework: 'nestjs', method, route: joinRoute(prefix, literal(d.args[0])), symbol, line: m.line });
      } else if (MESSAGE_DECORATORS.has(d.name)) {
        const transport = messageTransport(d.name, isGateway);
        const ref = d.name.startsWith('Rabbit') ? rabbitTopic(d.args[0]) : topicOf(d.args[0]);
        out.push({
          kind: 'message',
          framework: 'nestjs',
          ...(ref ?? { topic: literal(d.args[0]) ?? m.name }),
          ...(transport ? { transport } : {}),
          symbol,
          line: m.line,
        });
      } else if (EVENT_DECORATORS.has(d.name)) {
        const ref = d.name === 'OnEvent' ? topicOf(d.args[0]) : undefined;
        out.push({
          kind: 'event',
          framework: 'nestjs',
          ...(ref ?? { topic: literal(d.args[0]) ?? m.name }),
          ...(d.name === 'OnEvent' ? { transport: 'event-emitter' } : {}),
          symbol,
          line: m.line,
        });
      } else if (d.name === 'Process' && processor) {
        const job = literal(d.args[0]);
        const transport = imports.some((i) => i.specifier === '@nestjs/bullmq' || i.specifier === 'bullmq') ? 'bullmq' : 'bull';
        out.push({
          kind: 'queue',
          framework: 'nestjs',
          topic: [queue, job].filter(Boolean).join(':') || m.name,
          transport,
          symbol,
          line: m.line,
        });
      } else if (CRON_DECORATORS.has(d.name)) {
        out.push({ kind: 'cron', framework: 'nestjs', topic: literal(d.args[0]) ?? literal(d.args[1]) ?? m.name, symbol, line: m.line });
      } else if (isResolver && GRAPHQL_DECORATORS[d.name]) {
        out.push({ kind: 'http', framework: 'graphql', method: GRAPHQL_DECORATORS[d.name], route: m.name, symbol, line: m.line });
      }
    }
  }
  // Event/command handler classes (CQRS) are entry points as a whole.
  for (const d of cls.decorators) {
    if ((d.name === 'EventsHandler' || d.name === 'CommandHandler' || d.name === 'QueryHandler') && d.args[0]) {
      out.push({
        kind: 'event',
        framework: 'nestjs',
        topic: literal(d.args[0]) ?? cls.name,
        symbol: `${cls.name}.execute`,
        line: cls.line,
      });
    }
  }
  return out;
}

function messageTransport(decorator: string, gateway: boolean): string | undefined {
  if (decorator === 'SubscribeMessage') return gateway ? 'websocket' : undefined;
  if (decorator.startsWith('Rabbit')) return 'rabbitmq';
  if (decorator === 'GrpcMethod') return 'grpc';
  return 'nest-microservices';
}

/** `@RabbitSubscribe({ exchange, routingKey, queue })`: the routing key, else the queue. */
function rabbitTopic(arg: ArgFact | undefined) {
  if (arg?.k !== 'obj') return topicOf(arg);
  return topicOf(arg.props.routingKey) ?? topicOf(arg.props.queue) ?? topicOf(arg.props.exchange);
}

function routerFramework(imports: ImportFact[]): string | undefined {
  for (const imp of imports) {
    for (const [re, name] of ROUTER_FRAMEWORKS) if (re.test(imp.specifier)) return name;
  }
  return undefined;
}

function fromCalls(calls: CallFact[], framework: string): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const call of calls) {
    const dot = call.callee.lastIndexOf('.');
    if (dot <= 0) continue;
    const method = call.callee.slice(dot + 1);
    const receiver = call.callee.slice(0, dot);
    if (CLIENT_RECEIVER.test(receiver)) continue;
    const chained = ROUTE_METHODS.has(method) ? routeOfChain(calls, call) : undefined;
    if (chained !== undefined) {
      // `router.route('/:id').get(h).delete(h)`
      const verb = method === 'del' ? 'DELETE' : method.toUpperCase();
      out.push({ kind: 'http', framework, method: verb, route: chained, symbol: call.symbol, line: call.line });
    } else if (ROUTE_METHODS.has(method) && call.args.length >= 2) {
      const route = call.args[0];
      if (route?.k !== 'str' && route?.k !== 'tpl') continue;
      const path = literal(route);
      if (!path?.startsWith('/') && path !== '*') continue;
      const verb = method === 'del' ? 'DELETE' : method.toUpperCase();
      out.push({ kind: 'http', framework, method: verb, route: path, symbol: call.symbol, line: call.line });
    } else if (method === 'route' && call.args[0]?.k === 'obj') {
      // fastify.route({ method, url, handler })
      const props = call.args[0].props;
      const url = literal(props.url ?? props.path);
      if (url)
        out.push({
          kind: 'http',
          framework,
          method: (literal(props.method) ?? 'ALL').toUpperCase(),
          route: url,
          symbol: call.symbol,
          line: call.line,
        });
    }
  }
  return out;
}

/** The path of a `.route('/x')` call this call chains on, if any. */
function routeOfChain(calls: CallFact[], call: CallFact): string | undefined {
  for (let id = call.receiver; id !== undefined; id = calls[id].receiver) {
    const c = calls[id];
    if (c.callee.endsWith('.route')) return c.args[0]?.k === 'str' ? c.args[0].v : undefined;
    const m = c.callee.slice(c.callee.lastIndexOf('.') + 1);
    if (!ROUTE_METHODS.has(m)) return undefined;
  }
  return undefined;
}

export function findEntryPoints(classes: ClassFact[], calls: CallFact[], imports: ImportFact[]): EntryPoint[] {
  const out = classes.flatMap((c) => fromClass(c, imports));
  out.push(...findMessageConsumers(classes, calls, imports));
  const framework = routerFramework(imports);
  if (framework) out.push(...fromCalls(calls, framework));
  return out.sort((a, b) => a.line - b.line || compareStrings(a.route ?? a.topic ?? '', b.route ?? b.topic ?? ''));
}
