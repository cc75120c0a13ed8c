/** Precompiled nunjucks templates by name (see local/build-web.ts). */
export declare const templates: Record<string, { root: unknown }>;
