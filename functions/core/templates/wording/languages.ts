/** The e-mails' wording per language: the applicant's language picks one. */
import type { Language } from '../../../../schemas/primitives';
import { en } from './en';
import { lv } from './lv';
import type { Wording } from './types';

export const wording: Readonly<Record<Language, Wording>> = { lv, en };
