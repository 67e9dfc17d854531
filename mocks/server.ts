import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { handlers } from './handlers/index.js';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, If-None-Exist, Idempotency-Key, DMP-Access-Grant, DMP-Secret',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
  });
}

function problemResponse(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** Whether the path decodes: MSW decodes the path parameters, and throws on a malformed escape. */
function decodable(url: string | undefined): boolean {
  try {
    decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
    return true;
  } catch {
    return false;
  }
}

async function respond(res: ServerResponse, response: Response): Promise<void> {
  // An injected network fault: the connection drops with no answer, as a real one does.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The reference backend over real HTTP, for back-end teams building their gateway against it
 * with curl or any language: the same MSW handlers, without a browser.
 */
export function createMockServer(): Server {
  return createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    try {
      if (!decodable(req.url)) {
        await respond(res, problemResponse(400, 'Adresse invalide', 'Le chemin contient un échappement %XX illisible.'));
        return;
      }
      const request = await toRequest(req, `http://${req.headers.host ?? 'localhost'}`);
      const response = await getResponse(handlers, request);
      await respond(res, response ?? problemResponse(404, 'Introuvable', 'Aucune route de l’API DMP à cette adresse.'));
    } catch (error) {
      console.error('dmp-elements mock server:', error);
      await respond(res, problemResponse(500, 'Erreur interne', 'Erreur interne du serveur de démonstration.'));
    }
  });
}
