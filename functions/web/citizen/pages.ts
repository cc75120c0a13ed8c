/** Every page of the citizen side of the portal. */
import type { PageRoute } from '../app';
import { applicationPages } from './applications';
import { cataloguePages } from './catalogue';
import { signInPages } from './sign-in';

export const citizenPages: readonly PageRoute[] = [...cataloguePages, ...signInPages, ...applicationPages];
