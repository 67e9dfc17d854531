// Generates openapi.json (OpenAPI 3.1) from the route table and the zod schemas of src/model,
// the one source of truth of the HTTP API. With --check, fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from './lib/bundle.mjs';

const check = process.argv.includes('--check');
const { ROUTES, API_PREFIX, ProblemSchema } = await importTs('src/model/index.ts');
const { toJSONSchema } = await import('zod');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const schemaOf = (schema, io = 'output') => {
  const { $schema: _drop, ...json } = toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return json;
};
const problemResponse = (description) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

// 404 beyond the dossier's own absence, by operation.
const NO_DOCUMENT = 'no such document, or one hidden from the patient’s side (told as absent)';
const NOT_FOUND = {
  getDocument: NO_DOCUMENT,
  getDocumentContent: NO_DOCUMENT,
  updateDocument: NO_DOCUMENT,
  deleteDocument: NO_DOCUMENT,
  getSynthesisVersion: 'no such version',
  addDocument: '`replaces` names no document of this dossier',
  changeAuthorization: 'no professional with this RPPS in the directory',
  removeRepresentative: 'no such legal representative',
};
const CONFLICTS = {
  createDossier: 'A dossier already exists for this INS: `reason` is `dossier-exists`, `current` gives its INS and status',
  addDocument: '`replaces` names a version that is no longer current, or a declaration of the patient’s information (`EXPPAT_2`) is already current: a new one must replace it',
  savePrevention: 'A list was replaced or archived meanwhile through the documents route: read the record again',
  requestEmergencyAccess: 'The caller already has normal access (`reason: allowed`): no emergency access is needed',
};

const paths = {};
for (const [name, route] of Object.entries(ROUTES)) {
  const path = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
  const parameters = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map(([, param]) => ({
    name: param,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    const query = schemaOf(route.query, 'input');
    for (const [param, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name: param, in: 'query', required: (query.required ?? []).includes(param), schema });
    }
  }
  if (route.etag && route.method === 'PUT') {
    // Never required as such: without it, a patient setting is taken whatever its version, and a
    // document's first version is written (while one exists, such a write is answered 412).
    const description = route.ifMatchOptional
      ? 'ETag of the version being replaced; without it the write is taken whatever the current version'
      : 'ETag of the version being replaced; left out for the first version only: while one exists, a write without it is answered 412';
    parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description });
  }
  const aboutDossier = route.path.includes(':ins');
  // Sent by the provider with every request about a dossier (see components.parameters).
  if (aboutDossier) parameters.push({ $ref: '#/components/parameters/AccessGrant' }, { $ref: '#/components/parameters/Secret' });
  if (route.idempotencyKey) {
    const description = 'Same key and body, same answer: a request sent again after a lost answer creates nothing more';
    const optional = route.idempotencyKeyOptional ? '; without it, nothing tells a request sent again from a new one' : '';
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: !route.idempotencyKeyOptional, schema: { type: 'string' }, description: description + optional });
  }
  const operation = {
    operationId: name,
    summary: route.summary,
    ...(route.action ? { 'x-dmp-policy-action': route.action } : {}),
    ...(parameters.length ? { parameters } : {}),
    responses: {},
  };
  if (route.body === 'multipart') {
    operation.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['metadata', 'file'],
            properties: {
              metadata: { ...schemaOf(route.multipartMetadata, 'input'), description: 'JSON, as a string field' },
              file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, CDA XML or text; at most 20 MB' },
            },
          },
          encoding: { metadata: { contentType: 'application/json' } },
        },
      },
    };
  } else if (route.body) {
    operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
  }
  const ok = route.created ? '201' : '200';
  if (route.response === 'none') operation.responses['204'] = { description: 'Done' };
  else if (route.response === 'binary') operation.responses[ok] = { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } };
  else {
    operation.responses[ok] = {
      description: 'Success',
      ...(route.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
      content: { 'application/json': { schema: schemaOf(route.response) } },
    };
    if (route.noContentIsNull) operation.responses['204'] = { description: 'Nothing yet: not an error (no body, no ETag)' };
  }
  operation.responses['400'] = problemResponse('Invalid request (`invalidParams` names the fields)');
  operation.responses['401'] = problemResponse('Unknown caller');
  if (route.action) operation.responses['403'] = problemResponse('Refused by the policy: `reason` is a policy reason code');
  // The existence test answers a missing dossier with its status (`none`), not a 404.
  if (aboutDossier && name !== 'getDossier') {
    const also = NOT_FOUND[name] ? `; or ${NOT_FOUND[name]}` : '';
    operation.responses['404'] = problemResponse(`No dossier for this INS (\`reason: no-dossier\`)${also}`);
  }
  if (CONFLICTS[name]) operation.responses['409'] = problemResponse(CONFLICTS[name]);
  if (route.body === 'multipart') {
    operation.responses['413'] = problemResponse('The file is over 20 MB');
    operation.responses['415'] = problemResponse('The file is not a PDF, JPEG, PNG, CDA XML or text');
  }
  // A JSON body sent as anything else (a cross-site form's text/plain) is not read as JSON.
  if (route.body && route.body !== 'multipart') operation.responses['415'] = problemResponse('The body is not sent as JSON (`Content-Type: application/json`)');
  if (route.idempotencyKey) operation.responses['422'] = problemResponse('This Idempotency-Key was already used for another request');
  if (route.etag && route.method === 'PUT') operation.responses['412'] = problemResponse('Stale If-Match: `current` and `etag` carry the server version');
  operation.responses.default = problemResponse('Any other error');
  paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
}

const document = {
  openapi: '3.1.0',
  info: {
    title: 'dmp-elements DMP API',
    version: pkg.version,
    description:
      'The HTTP contract the dmp-elements speak: implemented by the mock backend (mocks/) and by an integrator’s gateway in front of the real DMP. The caller is named by the gateway’s authentication (the mock: `Authorization: Bearer <actor id>`); an emergency grant travels in `DMP-Access-Grant`, a connexion secrète in `DMP-Secret: 1`. Every access is written to the access log.',
  },
  servers: [{ url: API_PREFIX }],
  security: [{ caller: [] }],
  paths,
  components: {
    schemas: { Problem: schemaOf(ProblemSchema) },
    securitySchemes: {
      caller: {
        type: 'http',
        scheme: 'bearer',
        description: 'The mock names the caller by its actor id. A real gateway authenticates the user itself (session, CPS, Pro Santé Connect) and must not trust an identity the browser asserts.',
      },
    },
    parameters: {
      AccessGrant: {
        name: 'DMP-Access-Grant',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'The id of an emergency grant (break-glass or regulation) the caller holds for this patient; sent only with requests about that patient, while the grant lasts',
      },
      Secret: {
        name: 'DMP-Secret',
        in: 'header',
        required: false,
        schema: { type: 'string', enum: ['1'] },
        description: 'A minor’s connexion secrète: documents submitted are hidden from the legal representatives',
      },
    },
  },
};

const text = `${JSON.stringify(document, null, 2)}\n`;
if (check) {
  let committed = '';
  try {
    committed = readFileSync('openapi.json', 'utf8');
  } catch {
    // reported below
  }
  if (committed !== text) {
    console.error('openapi.json is out of date: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log(`openapi.json is up to date (${Object.keys(ROUTES).length} operations)`);
} else {
  writeFileSync('openapi.json', text);
  console.log(`openapi.json written (${Object.keys(ROUTES).length} operations)`);
}
