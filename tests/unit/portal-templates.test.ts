/**
 * The precompiled templates (local/build-web.ts) run no template code at import: each is built on its first render
 * and kept, so a cold start builds only the templates of the page it answers (issue 14, docs/cold-start.md).
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../functions/web/generated/templates.js';
import { renderTemplate } from '../../functions/web/render';

const isBuilt = (name: string) => 'value' in Object.getOwnPropertyDescriptor(templates, name)!;

describe('the precompiled templates', () => {
  it('are all listed, and none built before it is rendered', () => {
    expect(Object.keys(templates)).toContain('/web/message.njk');
    expect(isBuilt('/web/report.njk')).toBe(false);
  });

  it('build a template and the macros it uses on its first render, once', () => {
    const first = renderTemplate('message', { t: {}, title: 'Paldies' });
    expect(first).toContain('Paldies');
    expect(isBuilt('/web/message.njk')).toBe(true);
    const built = templates['/web/message.njk'];
    renderTemplate('message', { t: {}, title: 'Vēlreiz' });
    expect(templates['/web/message.njk']).toBe(built);
    expect(isBuilt('/web/report.njk')).toBe(false);
  });
});
