/**
 * Part 4: how long a person waits, after their browser's POST of a file has
 * finished, until the upload reads `clean` — locally: s3rver's event, the
 * ClamAV scan (the shipped signature file), promote-upload's byte checks, the
 * copy to the evidence bucket and the settlement in DynamoDB. Files of three
 * sizes, uploaded one at a time to applications of distinct citizens; the
 * status is polled every 10 ms, so each figure is at most 10 ms late.
 */
import { startLocalStack } from '../local/stack';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { distinctCitizens } from './lib/citizens';
import { median, ms, percentile } from './lib/stats';
import { devIdentityProviderFromJwk } from '../local/dev-idp';
import { uploadLimits } from '../schemas/uploads';

const sizes = [10 * 1024, 1024 * 1024, 10 * 1024 * 1024] as const;
const uploadsPerSize = 15;
const pollMs = 10;
/** A PDF of exactly `size` bytes (the promote step checks the size and the type, not the content). */
const pdfOf = (size: number) => {
  const head = Buffer.from('%PDF-1.7\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
};

runPart('uploads', async (cleanup, measured) => {
  console.log('uploads: starting the local stack (with s3rver and the ClamAV scanner) …');
  const stack = await startLocalStack({ log: () => {} });
  cleanup.add('the local stack', stack.stop);
  const idp = await devIdentityProviderFromJwk(stack.idp.privateJwk);
  const call = async (path: string, token: string, body?: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  /** A new citizen's application: each takes 20 files and 30 MB, so the bench files a new one when it is full. */
  const freshApplication = async () => {
    const [citizen] = distinctCitizens(1);
    const token = await idp.citizen(citizen!.personalCode, { email: citizen!.email });
    const filed = await call('/applications', token, citizen!.body);
    if (filed.status !== 201) throw new Error(`Could not file an application: ${filed.status}`);
    return { token, id: filed.body.id as string, files: 0, bytes: 0 };
  };

  const rows: string[][] = [];
  for (const size of sizes) {
    const file = pdfOf(size);
    const waits: number[] = [];
    let application = await freshApplication();
    for (let round = 0; round < uploadsPerSize; round++) {
      if (application.files === uploadLimits.applicationFiles || application.bytes + size > uploadLimits.applicationBytes) {
        application = await freshApplication();
      }
      const { token: owner, id: applicationId } = application;
      const ticket = await call(`/applications/${applicationId}/uploads`, owner, {
        documentType: 'other',
        fileName: 'bench.pdf',
        contentType: 'application/pdf',
        size,
      });
      if (ticket.status !== 201) throw new Error(`Declaring an upload failed: ${ticket.status} ${JSON.stringify(ticket.body)}`);
      application.files += 1;
      application.bytes += size;
      const form = new FormData();
      for (const [name, value] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(name, value);
      form.append('file', new Blob([file], { type: 'application/pdf' }), 'bench.pdf');
      const posted = await fetch(ticket.body.url as string, { method: 'POST', body: form });
      const uploadEnded = performance.now();
      if (posted.status !== 204) throw new Error(`The presigned POST failed: ${posted.status}`);
      for (;;) {
        const status = await call(`/applications/${applicationId}/uploads/${ticket.body.uploadId}`, owner);
        if (status.body.state === 'clean') break;
        if (status.body.state === 'rejected') throw new Error(`The bench file was rejected: ${JSON.stringify(status.body.reason)}`);
        if (performance.now() - uploadEnded > 60_000) throw new Error('No verdict within a minute');
        await new Promise((done) => setTimeout(done, pollMs));
      }
      waits.push(performance.now() - uploadEnded);
    }
    rows.push([`${size >= 1024 * 1024 ? `${size / 1024 / 1024} MB` : `${size / 1024} KB`}`, String(waits.length), ms(median(waits)), ms(percentile(waits, 95)), ms(Math.max(...waits))]);
    console.log(`uploads: ${size} bytes: median ${ms(median(waits))}`);
  }

  return [
    `## ${partTitles.uploads}`,
    '',
    measured,
    '',
    table(['file size', 'uploads', 'median end of upload → clean', 'p95', 'max'], rows),
    '',
    `From the presigned POST's 204 to the first \`GET …/uploads/{uploadId}\` answering \`clean\` (polled every ${pollMs} ms through the gateway): s3rver's object event, \`clamscan\` with the shipped signature file (a fresh process per file), promote-upload reading the object, sniffing and hashing it, writing it to the evidence bucket and settling the upload in DynamoDB Local. Deployed, GuardDuty's scan replaces the ClamAV step and takes longer (AWS documents seconds to minutes).`,
  ].join('\n');
});
