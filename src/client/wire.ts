/*
 * What the HTTP client needs of the API's contract: the route table with its zod schemas, and
 * the schemas of problem bodies and uploads. The client imports this module with the first
 * request (and starts fetching it when it is built), so a page's first load carries no zod.
 */
export { NewDocumentSchema } from '../model/document.js';
export { ProblemSchema } from '../model/problem.js';
export { ROUTES, routePath } from '../model/routes.js';
