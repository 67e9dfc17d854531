import type { DmpClient } from '../../client/types.js';
import type { ProviderApi } from '../../context/contexts.js';
import type { DmpDocument } from '../../model/document.js';
import type { DocumentOpenDetail } from '../dmp-document-list/events.js';

/**
 * The detail of `dmp-document-open`: the document, and a reader of its file through the
 * provider's client. The server logs that read in the patient's history, and the provider
 * announces it, so that an access history on the page shows it without a reload.
 */
export function documentOpenDetail(document: DmpDocument, ins: string, client: DmpClient, provider: ProviderApi | undefined): DocumentOpenDetail {
  return {
    document,
    content: async (options) => {
      const file = await client.getDocumentContent(ins, document.id, options);
      provider?.notifyDataChanged(['history'], ins);
      return file;
    },
  };
}
