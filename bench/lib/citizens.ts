/**
 * Distinct citizens with valid submissions. A person may hold one open
 * application per service and track, so every request is a new person: a
 * new-format personal code (3, then 2–9, then nine random digits), which carries
 * no birth date, so the form's dateOfBirth is not cross-checked against it.
 */
import { randomInt } from 'node:crypto';
import { rigaDate } from '../../functions/core/dates';
import { checkPersonalCode } from '../../schemas/personal-code';
import { functionalImpairmentApplication } from '../../tests/support/fixtures';

export interface Citizen {
  readonly personalCode: string;
  readonly email: string;
  /** The JSON request body: a valid application (the test fixture) with this person's e-mail. */
  readonly body: string;
}

const newFormatCode = (): string => `3${randomInt(2, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;

export const distinctCitizens = (count: number): Citizen[] => {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newFormatCode());
  const form = functionalImpairmentApplication(rigaDate(new Date()));
  return [...codes].map((personalCode) => {
    if (!checkPersonalCode(personalCode).valid) throw new Error(`Generated an invalid personal code: ${personalCode}`);
    const email = `iedzivotajs+${personalCode}@example.lv`;
    return { personalCode, email, body: JSON.stringify({ ...form, applicant: { ...form.applicant, email } }) };
  });
};
