/** Every page of the citizen side of the portal. */
import type { PageRoute } from '../app';
import { applicationPages } from './applications';
import { applyPages } from './apply';
import { cataloguePages } from './catalogue';
import { documentPages } from './documents';
import { draftPages } from './drafts';
import { myDataPages } from './my-data';
import { precheckPages } from './precheck';
import { signInPages } from './sign-in';

export const citizenPages: readonly PageRoute[] = [
  ...cataloguePages,
  ...precheckPages,
  ...signInPages,
  ...applyPages,
  ...applicationPages,
  ...documentPages,
  ...draftPages,
  ...myDataPages,
];
