/**
 * The nunjucks environment over the precompiled templates (local/build-web.ts): nothing is compiled at cold start,
 * so the bundle takes nunjucks' runtime-only build (`nunjucks-slim`: no lexer, parser or compiler), about a quarter
 * of the full package's import (docs/cold-start.md). Its loader resolves relative template names (govuk-frontend's
 * macros import each other by relative path) with a stand-in for Node's `path`, which the slim build leaves out: the
 * loader gets Node's own, as the full package's loader does.
 */
import { dirname, resolve } from 'node:path';
import nunjucks from 'nunjucks/browser/nunjucks-slim.js';
import { templates } from './generated/templates.js';

const loader = new nunjucks.PrecompiledLoader(templates as never);
loader.resolve = (from: string, to: string) => resolve(dirname(from), to);
const environment = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });

/** Renders `/web/<name>.njk`; every value is HTML-escaped unless a template says otherwise (none does). */
export const renderTemplate = (name: string, context: Record<string, unknown>): string => environment.render(`/web/${name}.njk`, context);
