/**
 * Copies text for the reader, and never fails loudly: where the clipboard is denied (a sandboxed
 * frame, an insecure page, a browser setting) the text is left selected in its field so that
 * Ctrl+C or ⌘C copies it.
 */
export type CopyResult = 'copied' | 'selected';

export async function copyText(field: HTMLTextAreaElement): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(field.value);
    return 'copied';
  } catch {
    // No clipboard API here, or permission refused: fall back to the selection.
  }
  field.focus();
  field.select();
  try {
    if (field.ownerDocument.execCommand('copy')) return 'copied';
  } catch {
    // Refused as well: the text stays selected.
  }
  return 'selected';
}
