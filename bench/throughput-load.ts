/**
 * The load generator of part 3, in a process of its own so that autocannon does
 * not share an event loop with the gateway it measures. Mints tokens for
 * distinct citizens in advance, runs the bursts against POST /applications (each
 * request a new person and a valid application), and reports every accepted
 * application with its owner's token.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { devIdentityProviderFromJwk } from '../local/dev-idp';
import { distinctCitizens, type Citizen } from './lib/citizens';
import { messageFromParent, runChild } from './lib/processes';

export interface LoadPlan {
  readonly apiUrl: string;
  /** The dev identity provider's private JWK, so tokens pass the gateway's JWT check. */
  readonly idpKey: string;
  readonly connections: number;
  readonly burstSeconds: readonly number[];
  readonly idleSeconds: number;
  /** Distinct citizens to mint; every request uses one of its own. */
  readonly citizens: number;
}

export interface Accepted {
  readonly id: string;
  readonly reference: string;
  readonly token: string;
  readonly email: string;
  readonly serviceId: string;
}

export interface BurstResult {
  readonly seconds: number;
  readonly responses: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  /** Response times of every response (ms), whatever its status. */
  readonly latencies: readonly number[];
}

export interface LoadResult {
  readonly bursts: readonly BurstResult[];
  readonly accepted: readonly Accepted[];
  readonly mintingSeconds: number;
  /** True when requests outran the minted citizens (the surplus went without a token and got 401). */
  readonly poolExhausted: boolean;
}

type MintedCitizen = Citizen & { readonly token: string; readonly serviceId: string };

runChild<LoadResult>(
  'the load generator',
  async () => {
    const plan = await messageFromParent<LoadPlan>();
    const minting = performance.now();
    const idp = await devIdentityProviderFromJwk(plan.idpKey);
    const pool: MintedCitizen[] = [];
    for (const citizen of distinctCitizens(plan.citizens)) {
      const token = await idp.citizen(citizen.personalCode, { email: citizen.email });
      pool.push({ ...citizen, token, serviceId: (JSON.parse(citizen.body) as { serviceId: string }).serviceId });
    }
    const mintingSeconds = (performance.now() - minting) / 1000;
    console.log(`throughput: minted ${pool.length} citizen tokens in ${mintingSeconds.toFixed(1)} s`);

    let next = 0;
    let poolExhausted = false;
    const accepted: Accepted[] = [];
    const request: autocannon.Request = {
      method: 'POST',
      path: '/applications',
      setupRequest: (base, context) => {
        const citizen = pool[next++];
        context.citizen = citizen;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (citizen) headers.authorization = `Bearer ${citizen.token}`;
        else poolExhausted = true;
        return { ...base, headers, body: citizen?.body ?? '{}' };
      },
      // Called before the connection's next setupRequest, so the context still holds this response's citizen.
      onResponse: (status, body, context) => {
        const citizen = context.citizen as MintedCitizen | undefined;
        if (status !== 201 || !citizen) return;
        const { id, reference } = JSON.parse(body) as { id: string; reference: string };
        accepted.push({ id, reference, token: citizen.token, email: citizen.email, serviceId: citizen.serviceId });
      },
    };

    const burst = (seconds: number) =>
      new Promise<BurstResult>((resolve, reject) => {
        const latencies: number[] = [];
        const instance = autocannon(
          { url: plan.apiUrl, connections: plan.connections, duration: seconds, timeout: 10, requests: [request] },
          (error, result) => {
            if (error) return reject(error);
            const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
            resolve({
              seconds: result.duration,
              responses: latencies.length,
              non2xx: result.non2xx,
              errors: result.errors,
              timeouts: result.timeouts,
              statusCodes,
              latencies,
            });
          },
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });

    const bursts: BurstResult[] = [];
    for (const [index, seconds] of plan.burstSeconds.entries()) {
      if (index > 0) await sleep(plan.idleSeconds * 1000);
      console.log(`throughput: burst ${index + 1} of ${plan.burstSeconds.length}: ${seconds} s, ${plan.connections} connections …`);
      bursts.push(await burst(seconds));
    }
    return { bursts, accepted, mintingSeconds, poolExhausted };
  },
  () => {},
);
