import { config } from 'zod/mini';

// zod probes `new Function` to decide whether to compile its parsers; under a strict CSP
// (no 'unsafe-eval', usual on hospital intranets) that probe is itself a reported violation.
// Every entry imports this module first so no schema is ever built before the switch.
config({ jitless: true });
