import { DmpError, isDmpError } from '../../client/errors.js';
import type { DmpClient } from '../../client/types.js';
import type { ProviderApi } from '../../context/contexts.js';
import type { DmpDocument } from '../../model/document.js';
import type { DocumentOpenDetail } from '../dmp-document-list/events.js';

/**
 * What a read of the file needs, asked when it is made: nothing once the user who opened the
 * document has left (logged out, timed out, another user), whose name it would go out under.
 */
export type DocumentReader = () => { client: DmpClient; provider: ProviderApi | undefined } | undefined;

/**
 * The detail of `dmp-document-open`: the document, and a reader of its file through the
 * provider's client. The server logs the read, granted or refused, and the provider announces it
 * once the server has answered, so that an access history on the page shows it without a reload.
 */
export function documentOpenDetail(document: DmpDocument, ins: string, reader: DocumentReader): DocumentOpenDetail {
  return {
    document,
    content: async (options) => {
      const here = reader();
      if (!here) throw new DmpError('aborted', 'The user has left');
      let answered = true;
      try {
        return await here.client.getDocumentContent(ins, document.id, options);
      } catch (error) {
        answered = isDmpError(error) && error.status !== undefined;
        throw error;
      } finally {
        if (answered) here.provider?.notifyDataChanged(['history'], ins);
      }
    },
  };
}
