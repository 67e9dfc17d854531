/** Detail of `dmp-history-exported`. */
export interface HistoryExportedDetail {
  /** Data rows in the file (the header row not counted). */
  rows: number;
  /** The name the file was offered under. */
  filename: string;
  /** True when the filter matched more entries than `export-limit` and only the newest were written. */
  truncated: boolean;
}

declare module '../../events.js' {
  interface DmpEventDetails {
    'dmp-history-exported': HistoryExportedDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dmp-history-exported': CustomEvent<HistoryExportedDetail>;
  }
}
