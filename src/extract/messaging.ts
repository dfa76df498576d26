/**
 * Messages, queues and sockets: who consumes and who produces which topic,
 * read from a file's class and call facts. Consumers become entry points;
 * producers become message sends. A topic written as a constant or an enum
 * member is kept as `topicRef` for the link stage to follow.
 *
 * Patterns (transport in brackets):
 * - NATS: `class X extends Listener<…> { subject = Subjects.A; onMessage() }`,
 *   `class Y extends Publisher<…> { subject = … }` (its `new Y(client).publish()`
 *   callers are producers, found at link time), `stan|nc.subscribe('s')`,
 *   `stan|nc.publish('s', …)` [nats];
 * - Kafka: `consumer.subscribe({ topic | topics })`, `producer.send({ topic })` [kafka];
 * - RabbitMQ: `channel.consume('q')`, `channel.sendToQueue('q')`,
 *   `channel.publish(exchange, key)`, `@RabbitSubscribe({ routingKey | queue })` [rabbitmq];
 * - BullMQ / Bull: `new Worker('q', fn)`, `@Processor('q')` (a `process`
 *   method, or `@Process` handlers), `queue.process(fn)`, `queue.add(job, …)`
 *   on a queue named by `@InjectQueue('q')` or `new Queue('q')` [bullmq | bull];
 * - SQS / SNS: `new ReceiveMessageCommand | SendMessageCommand({ QueueUrl })`,
 *   `new PublishCommand({ TopicArn })`, `sqs.sendMessage`, `sns.publish` [sqs | sns];
 * - Redis pub/sub: `sub.subscribe('c')`, `pub.publish('c', …)` in a file using redis [redis];
 * - `@nestjs/microservices`: `@EventPattern`/`@MessagePattern`, `client.emit|send('p')` [nest-microservices];
 * - EventEmitter2: `@OnEvent('e')`, `eventEmitter.emit('e')` [event-emitter];
 * - WebSocket gateways: `@SubscribeMessage('m')`, `server|socket.emit('e')`,
 *   `socket.on('m')` in a file using socket.io or ws [websocket].
 */
import type { ArgFact, CallFact, ClassFact, EntryPoint, ImportFact, MessageSend } from './file-facts.js';

type Topic = Pick<EntryPoint, 'topic' | 'topicRef'>;

/** A topic argument: a literal, or a reference to follow (`Subjects.TicketCreated`, `QUEUE_NAME`). */
export function topicOf(arg: ArgFact | undefined): Topic | undefined {
  if (!arg) return undefined;
  // `this.subject` in a generic base class names no topic of its own: its subclasses do.
  if ((arg.k === 'member' || arg.k === 'id') && /^this\./.test(arg.v)) return undefined;
  if (arg.k === 'str') return { topic: arg.v };
  if (arg.k === 'tpl') return { topic: arg.parts.join('{}') };
  if (arg.k === 'member' || arg.k === 'id') return { topic: arg.v, topicRef: arg.v };
  return undefined;
}

const prop = (arg: ArgFact | undefined, ...names: string[]): ArgFact | undefined => {
  if (arg?.k !== 'obj') return undefined;
  for (const n of names) if (arg.props[n]) return arg.props[n];
  return undefined;
};

interface Uses {
  nats: boolean;
  redis: boolean;
  bullmq: boolean;
  bull: boolean;
  amqp: boolean;
  socket: boolean;
  microservices: boolean;
}

export function usesOf(imports: ImportFact[]): Uses {
  const has = (re: RegExp): boolean => imports.some((i) => re.test(i.specifier));
  return {
    nats: has(/^(nats|node-nats-streaming|@nestjs-plugins\/nestjs-nats.*)$/),
    redis: has(/^(ioredis|redis|@redis\/client)$/),
    bullmq: has(/^(bullmq|@nestjs\/bullmq)$/),
    bull: has(/^(bull|@nestjs\/bull)$/),
    amqp: has(/^(amqplib|amqp-connection-manager|@golevelup\/nestjs-rabbitmq)$/),
    socket: has(/^(socket\.io|ws|@nestjs\/websockets|@nestjs\/platform-socket\.io|@nestjs\/platform-ws)$/),
    microservices: has(/^@nestjs\/microservices$/),
  };
}

export const queueTransport = (uses: Uses): string => (uses.bull && !uses.bullmq ? 'bull' : 'bullmq');

const lastName = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);
const receiverOf = (callee: string): string => {
  const dot = callee.lastIndexOf('.');
  return dot < 0 ? '' : callee.slice(0, dot);
};
const receiverName = (callee: string): string => lastName(receiverOf(callee));

const NATS_RECEIVER = /(^|\.)(stan|nats\w*|nc|natsClient|natsConnection|js|jetstream)$/i;
const REDIS_RECEIVER = /(redis|pub|publisher|sub|subscriber)\w*$/i;
const EMITTER_RECEIVER = /(eventEmitter|emitter|eventBus|events)$/i;
const SOCKET_RECEIVER = /(^|\.)(server|socket|io|client|wss|ws|nsp|namespace)$/i;
const CLIENT_PROXY_RECEIVER = /(client|proxy|Client|Service|broker)$/;
const SOCKET_LIFECYCLE = new Set([
  'connection',
  'connect',
  'disconnect',
  'disconnecting',
  'error',
  'close',
  'open',
  'message',
  'listening',
]);
const QUEUE_RECEIVER = /queue$/i;

/** A class following the NATS course's `Listener`/`Publisher` base-class pattern: its `subject` property. */
export function subjectOf(cls: ClassFact, base: 'Listener' | 'Publisher'): Topic | undefined {
  if (!cls.extends || !new RegExp(`^\\w*${base}\\b`).test(cls.extends)) return undefined;
  const subject = cls.members.find((m) => m.name === 'subject' && m.kind === 'property');
  return topicOf(subject?.init);
}

export function findMessageConsumers(classes: ClassFact[], calls: CallFact[], imports: ImportFact[]): EntryPoint[] {
  const uses = usesOf(imports);
  const out: EntryPoint[] = [];
  for (const cls of classes) {
    const subject = subjectOf(cls, 'Listener');
    if (subject) {
      const handler = cls.members.find((m) => m.kind === 'method' && m.name === 'onMessage');
      out.push({
        kind: 'message',
        framework: 'nats',
        transport: 'nats',
        ...subject,
        symbol: `${cls.name}.onMessage`,
        line: handler?.line ?? cls.line,
      });
    }
    const processor = cls.decorators.find((d) => d.name === 'Processor');
    const hasProcess = cls.members.some((m) => m.decorators.some((d) => d.name === 'Process'));
    const process = cls.members.find((m) => m.kind === 'method' && m.name === 'process');
    if (processor && !hasProcess && process) {
      // BullMQ's `WorkerHost`: one `process(job)` method handles the whole queue.
      const queue = topicOf(processor.args[0]) ?? topicOf(prop(processor.args[0], 'name'));
      out.push({
        kind: 'queue',
        framework: 'nestjs',
        transport: queueTransport(uses),
        ...(queue ?? { topic: cls.name }),
        symbol: `${cls.name}.process`,
        line: process.line,
      });
    }
  }
  const queueNames = queueNamesOf(classes, calls);
  for (const call of calls) {
    const name = lastName(call.callee);
    const recv = receiverName(call.callee);
    const [a0, a1] = call.args;
    const at = { symbol: call.symbol, line: call.line };
    if (call.callee === 'new Worker' && (uses.bullmq || a1?.k === 'fn' || a1?.k === 'id' || a1?.k === 'member')) {
      const queue = topicOf(a0);
      if (queue) out.push({ kind: 'queue', framework: 'bullmq', transport: 'bullmq', ...queue, ...at });
    } else if (name === 'process' && (uses.bull || QUEUE_RECEIVER.test(recv)) && call.args.some((a) => a.k === 'fn' || a.k === 'id')) {
      const queue = queueNames.get(receiverOf(call.callee));
      if (queue) out.push({ kind: 'queue', framework: 'bull', transport: 'bull', ...queue, ...at });
    } else if (name === 'subscribe' && (prop(a0, 'topic') || prop(a0, 'topics'))) {
      const t = prop(a0, 'topic', 'topics');
      for (const item of t?.k === 'arr' ? t.items : [t]) {
        const topic = topicOf(item);
        if (topic) out.push({ kind: 'message', framework: 'kafkajs', transport: 'kafka', ...topic, ...at });
      }
    } else if (name === 'subscribe' && a0 && (a0.k === 'str' || a0.k === 'member' || a0.k === 'id' || a0.k === 'tpl')) {
      const transport =
        NATS_RECEIVER.test(receiverOf(call.callee)) || (uses.nats && !uses.redis)
          ? 'nats'
          : uses.redis || REDIS_RECEIVER.test(recv)
            ? 'redis'
            : undefined;
      const topic = topicOf(a0);
      if (transport && topic) out.push({ kind: 'message', framework: transport, transport, ...topic, ...at });
    } else if (name === 'consume' && (uses.amqp || /channel|ch$/i.test(recv))) {
      const queue = topicOf(a0);
      if (queue) out.push({ kind: 'message', framework: 'amqplib', transport: 'rabbitmq', ...queue, ...at });
    } else if (call.callee === 'new ReceiveMessageCommand' || (call.callee.endsWith('Consumer.create') && prop(a0, 'queueUrl'))) {
      const queue = topicOf(prop(a0, 'QueueUrl', 'queueUrl'));
      if (queue) out.push({ kind: 'queue', framework: 'aws-sdk', transport: 'sqs', ...queue, ...at });
    } else if (name === 'on' && uses.socket && SOCKET_RECEIVER.test(receiverOf(call.callee))) {
      const topic = topicOf(a0);
      if (topic && !(topic.topic && SOCKET_LIFECYCLE.has(topic.topic)))
        out.push({ kind: 'message', framework: 'socket', transport: 'websocket', ...topic, ...at });
    } else if (name === 'on' && EMITTER_RECEIVER.test(recv)) {
      const topic = topicOf(a0);
      if (topic) out.push({ kind: 'event', framework: 'event-emitter', transport: 'event-emitter', ...topic, ...at });
    }
  }
  return out;
}

/** The queue behind a receiver: `@InjectQueue('q') private readonly emails: Queue` or `const q = new Queue('q')`. */
export function queueNamesOf(classes: ClassFact[], calls: CallFact[]): Map<string, Topic> {
  const names = new Map<string, Topic>();
  for (const cls of classes) {
    for (const m of cls.members) {
      const inject = m.decorators.find((d) => d.name === 'InjectQueue');
      const topic = topicOf(inject?.args[0]);
      if (topic) names.set(`this.${m.name}`, topic);
      if (topic && m.kind === 'ctor-param') names.set(m.name, topic);
    }
  }
  for (const call of calls) {
    if ((call.callee === 'new Queue' || call.callee === 'new Bull' || call.callee === 'Bull') && call.assignedTo) {
      const topic = topicOf(call.args[0]);
      if (topic) {
        names.set(call.assignedTo, topic);
        names.set(`this.${call.assignedTo}`, topic);
      }
    }
  }
  return names;
}

export function findMessageSends(classes: ClassFact[], calls: CallFact[], imports: ImportFact[]): MessageSend[] {
  const uses = usesOf(imports);
  const queueNames = queueNamesOf(classes, calls);
  const out: MessageSend[] = [];
  for (const call of calls) {
    const name = lastName(call.callee);
    const receiver = receiverOf(call.callee);
    const recv = lastName(receiver);
    const [a0, a1] = call.args;
    const at = { symbol: call.symbol, line: call.line };
    const send = (transport: string, topic: Topic | undefined): void => {
      if (topic) out.push({ transport, ...topic, ...at });
    };
    if ((name === 'add' || name === 'addBulk') && (QUEUE_RECEIVER.test(recv) || queueNames.has(receiver))) {
      const queue = queueNames.get(receiver);
      if (queue) send(queueTransport(uses), queue);
      // An imported queue (`expirationQueue.add`): the link stage finds its `new Queue('…')`.
      else if (/^[\w$]+$/.test(receiver)) out.push({ transport: queueTransport(uses), queueOf: receiver, topic: receiver, ...at });
      // Otherwise the receiver's name is the best topic: `this.emailQueue.add` → `emailQueue`.
      else send(queueTransport(uses), { topic: recv.replace(/^_+/, '') });
    } else if (name === 'send' && prop(a0, 'topic')) send('kafka', topicOf(prop(a0, 'topic')));
    else if (name === 'sendToQueue') send('rabbitmq', topicOf(a0));
    else if (name === 'publish' && (uses.amqp || /channel|ch$|amqp/i.test(recv)) && a1 && call.args.length >= 3) {
      const key = topicOf(a1);
      send('rabbitmq', key?.topic ? key : topicOf(a0));
    } else if (
      call.callee === 'new SendMessageCommand' ||
      call.callee === 'new SendMessageBatchCommand' ||
      (name === 'sendMessage' && prop(a0, 'QueueUrl'))
    ) {
      send('sqs', topicOf(prop(a0, 'QueueUrl')));
    } else if (call.callee === 'new PublishCommand' || (name === 'publish' && prop(a0, 'TopicArn'))) {
      send('sns', topicOf(prop(a0, 'TopicArn')));
    } else if (name === 'publish' && a0 && a0.k !== 'obj' && call.args.length >= 2) {
      const transport =
        NATS_RECEIVER.test(receiver) || /nats|stan/i.test(receiver) || (uses.nats && !uses.redis)
          ? 'nats'
          : uses.redis || REDIS_RECEIVER.test(recv)
            ? 'redis'
            : undefined;
      if (transport) send(transport, topicOf(a0));
    } else if (name === 'emit' && EMITTER_RECEIVER.test(recv)) send('event-emitter', topicOf(a0));
    else if (name === 'emit' && uses.socket && SOCKET_RECEIVER.test(socketBase(receiver))) send('websocket', topicOf(a0));
    else if ((name === 'emit' || name === 'send') && uses.microservices && CLIENT_PROXY_RECEIVER.test(recv)) {
      send('nest-microservices', topicOf(a0) ?? topicOf(prop(a0, 'cmd')));
    }
  }
  return out;
}

/** `this.server.to(room).emit(…)`, `socket.broadcast.emit(…)`: the receiver the chain starts from. */
function socketBase(receiver: string): string {
  return receiver.replace(/(\.(to|in|except|broadcast|volatile|compress|timeout)(\(\))?)+$/, '');
}
