/** The SES v2 API and a web inbox on loopback (`aws-ses-v2-local`), in this process. */
import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';

// A CommonJS module whose `exports.default` is the server: under ESM it may arrive wrapped once more.
const startSesServer = ((sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal) as typeof sesLocal;

export interface RunningSes {
  readonly url: string;
  stop(): Promise<void>;
}

export const startSesLocal = async (port: number): Promise<RunningSes> => {
  const server: Server = await startSesServer({ host: '127.0.0.1', port });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
};
