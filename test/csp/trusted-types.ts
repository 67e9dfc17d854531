// Under `require-trusted-types-for 'script'`, registering MSW's worker needs a TrustedScriptURL.
// MSW passes a plain string, so the page declares the default policy, for that one URL only.
declare const trustedTypes: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown };

trustedTypes.createPolicy('default', {
  createScriptURL(url: string) {
    if (new URL(url, location.href).pathname === '/mockServiceWorker.js') return url;
    throw new TypeError(`Script URL refused by the Trusted Types policy: ${url}`);
  },
});
