// `npm run mock-server`: the mock DMP backend on http://127.0.0.1:$PORT/api/dmp/v1 (default 3001).
import { importTs } from './lib/bundle.mjs';

const { createMockServer } = await importTs('mocks/server.ts');
const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
createMockServer().listen(port, host, () => {
  const base = `http://${host}:${port}/api/dmp/v1`;
  console.log(`Mock DMP backend on ${base}
Try:
  curl -H 'Authorization: Bearer ps-martin' ${base}/dossiers/258036938304702
  curl -H 'Authorization: Bearer ps-dubois' '${base}/dossiers/258036938304702/documents?limit=5'
  curl -H 'Authorization: Bearer pat-durand-jeanne' ${base}/dossiers/258036938304702/access-log`);
});
