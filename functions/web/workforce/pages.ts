/** Every page of the workforce side of the portal (staff and officers), under /darbs (/en/work). */
import type { PageRoute } from '../app';
import { workforceSignInPages } from './sign-in';
import { staffPages } from './staff';

export const workforcePages: readonly PageRoute[] = [...workforceSignInPages, ...staffPages];
