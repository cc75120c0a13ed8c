/**
 * An HTTP proxy in front of an SES local that a test can switch off, on, or
 * to flapping: a refused request is answered as an SES outage (503
 * ServiceUnavailable, which the mailer treats as temporary).
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesSwitch {
  readonly url: string;
  down(): void;
  up(): void;
  /** Refuses `refused` requests of every `cycle`, then passes one on: some e-mails of a batch go, some do not. */
  flap(refused: number, cycle: number): void;
  /** Requests answered with the outage so far. */
  refused(): number;
  /** Requests passed on to SES so far. */
  forwarded(): number;
  stop(): Promise<void>;
}

export const startSesSwitch = async (sesUrl: string): Promise<SesSwitch> => {
  const target = new URL(sesUrl);
  let refusing: (request: number) => boolean = () => false;
  let refused = 0;
  let forwarded = 0;
  const server: Server = createServer((incoming, outgoing) => {
    if (refusing(refused + forwarded)) {
      refused += 1;
      incoming.resume();
      outgoing.writeHead(503, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' });
      outgoing.end(JSON.stringify({ message: 'Service Unavailable' }));
      return;
    }
    forwarded += 1;
    const upstream = forward(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    down: () => void (refusing = () => true),
    up: () => void (refusing = () => false),
    flap: (refusedPerCycle, cycle) => {
      const start = refused + forwarded;
      refusing = (request) => (request - start) % cycle < refusedPerCycle;
    },
    refused: () => refused,
    forwarded: () => forwarded,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};
