/** The nunjucks environment over the precompiled templates (local/build-web.ts): nothing is compiled at cold start. */
import nunjucks from 'nunjucks';
import { templates } from './generated/templates.js';

const environment = new nunjucks.Environment(new nunjucks.PrecompiledLoader(templates as never), { autoescape: true, throwOnUndefined: false });

/** Renders `/web/<name>.njk`; every value is HTML-escaped unless a template says otherwise (none does). */
export const renderTemplate = (name: string, context: Record<string, unknown>): string => environment.render(`/web/${name}.njk`, context);
