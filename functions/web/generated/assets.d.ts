/** Fingerprinted asset names, served under /assets/ (built with the CSS by local/build-web.ts). */
export declare const assets: { readonly css: string };
