/** Where requests and messages enter the code: HTTP routes, message and event handlers, queues, cron jobs. */
export const ENTRY_POINT_KINDS = ['http', 'message', 'event', 'queue', 'cron'] as const;

export type EntryPointKind = (typeof ENTRY_POINT_KINDS)[number];

export interface EntryPoint {
  kind: EntryPointKind;
  framework: string; // nestjs | express | fastify | koa | hono
  method?: string; // HTTP verb, upper case
  route?: string; // HTTP path, joined with the controller prefix
  topic?: string; // message pattern, event name, queue name, cron expression
  /** How the message travels: nats, kafka, rabbitmq, bullmq, bull, sqs, sns, redis, nest-microservices, event-emitter, websocket. */
  transport?: string;
  /** The constant or enum member the topic was written as, until the link stage follows it (`Subjects.TicketCreated`). */
  topicRef?: string;
  symbol: string;
  line: number;
}
