import { config } from 'zod/mini';

// zod probes `new Function` to decide whether to compile its parsers; under a strict CSP
// (no 'unsafe-eval', usual on hospital intranets) that probe is itself a reported violation.
// Every module that builds schemas takes zod from here, so the switch is made before any schema
// exists, and a bundle that builds none (an element that only displays) loads no zod at all.
config({ jitless: true });

export * from 'zod/mini';
