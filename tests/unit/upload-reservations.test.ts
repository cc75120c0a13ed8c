/**
 * A pending upload holds its place in the application's limits (a file, and its size: 10 MB for a portal form) only
 * while its file can still arrive: the presigned POST's five minutes, then the scan grace (docs/documents.md,
 * "Reservations that lapse"). The clock is injected: nothing here waits.
 */
import { describe, expect, it } from 'vitest';
import { reservationCounts, reservationLapsesAt } from '../../functions/core/uploads';
import { uploadLimits } from '../../schemas/uploads';

const createdAt = '2026-11-30T10:00:00.000Z';
const at = (secondsAfterCreation: number) => new Date(Date.parse(createdAt) + secondsAfterCreation * 1000);
const lapsesAt = reservationLapsesAt({ createdAt });

describe('a pending upload’s reservation', () => {
  it('lapses when the POST has expired and a file posted at its last second would have been scanned and delivered', () => {
    expect(lapsesAt).toBe(at(uploadLimits.postSeconds + uploadLimits.scanGraceSeconds).toISOString());
  });

  it('counts while the form may still be used', () => {
    expect(reservationCounts(lapsesAt, at(0))).toBe(true);
    expect(reservationCounts(lapsesAt, at(uploadLimits.postSeconds - 1))).toBe(true);
  });

  it('still counts after the POST expired, while the scan of a file posted in its last second may be on its way', () => {
    expect(reservationCounts(lapsesAt, at(uploadLimits.postSeconds + 1))).toBe(true);
    expect(reservationCounts(lapsesAt, at(uploadLimits.postSeconds + uploadLimits.scanGraceSeconds - 1))).toBe(true);
  });

  it('no longer counts from the moment it lapses', () => {
    expect(reservationCounts(lapsesAt, at(uploadLimits.postSeconds + uploadLimits.scanGraceSeconds))).toBe(false);
    expect(reservationCounts(lapsesAt, at(24 * 60 * 60))).toBe(false);
  });

  it('the grace covers the scan-result rule delivering for as long as it retries', () => {
    expect(uploadLimits.scanGraceSeconds).toBeGreaterThan(uploadLimits.scanResultDeliverySeconds);
  });
});
