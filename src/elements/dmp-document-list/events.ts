import type { RequestOptions } from '../../client/types.js';
import type { DmpDocument } from '../../model/document.js';

/** `dmp-document-open`: the user asked to see a document; the host shows it. */
export interface DocumentOpenDetail {
  document: DmpDocument;
  /**
   * Reads the document's file through the provider's client: the read is logged, granted or
   * refused, and an access history on the page shows it without a reload. Rejects with an
   * `aborted` DmpError, sending nothing, once the user who opened the document has left (logout,
   * expiry, another user). A host that reads the file another way calls
   * `provider.notifyDataChanged(['history'], ins)` once it has.
   */
  content(options?: RequestOptions): Promise<Blob>;
}

/**
 * `dmp-document-mask-request` (cancelable) and `dmp-document-masked`: masking to professionals
 * (`masked: true`) or unmasking (`masked: false`). On `dmp-document-masked`, `document` is the
 * server's updated version.
 */
export interface DocumentMaskDetail {
  document: DmpDocument;
  masked: boolean;
}

/**
 * `dmp-document-reveal-request` (cancelable) and `dmp-document-revealed`: a result kept from the
 * patient (INVISIBLE_PATIENT) made visible to them once it was announced. On
 * `dmp-document-revealed`, `document` is the server's updated version.
 */
export interface DocumentRevealDetail {
  document: DmpDocument;
}

/** `dmp-document-delete-request` (cancelable, after the user confirmed) and `dmp-document-deleted`. */
export interface DocumentDeleteDetail {
  document: DmpDocument;
}

/** `dmp-document-added`: the document the server created. */
export interface DocumentAddedDetail {
  document: DmpDocument;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-document-open': DocumentOpenDetail;
    'dmp-document-mask-request': DocumentMaskDetail;
    'dmp-document-masked': DocumentMaskDetail;
    'dmp-document-reveal-request': DocumentRevealDetail;
    'dmp-document-revealed': DocumentRevealDetail;
    'dmp-document-delete-request': DocumentDeleteDetail;
    'dmp-document-deleted': DocumentDeleteDetail;
    'dmp-document-added': DocumentAddedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-document-open': CustomEvent<DocumentOpenDetail>;
    'dmp-document-mask-request': CustomEvent<DocumentMaskDetail>;
    'dmp-document-masked': CustomEvent<DocumentMaskDetail>;
    'dmp-document-reveal-request': CustomEvent<DocumentRevealDetail>;
    'dmp-document-revealed': CustomEvent<DocumentRevealDetail>;
    'dmp-document-delete-request': CustomEvent<DocumentDeleteDetail>;
    'dmp-document-deleted': CustomEvent<DocumentDeleteDetail>;
    'dmp-document-added': CustomEvent<DocumentAddedDetail>;
  }
}
