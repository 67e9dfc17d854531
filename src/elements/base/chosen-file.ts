const lists = new WeakMap<File, FileList>();

/**
 * The file a form holds, as the `files` of its input: a form drawn again (after a session
 * expired, or moved by the host) shows the file it will send, rather than an empty input beside
 * a file still held. Null for none, which the input ignores.
 */
export function chosenFiles(file: File | undefined): FileList | null {
  if (!file) return null;
  let list = lists.get(file);
  if (!list) {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    list = transfer.files;
    lists.set(file, list);
  }
  return list;
}
