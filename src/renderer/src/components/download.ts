// Files the app hands to the user in the browser (and the Electron window): a Blob behind a link
// with a download attribute. Needs no CSP change: blob: URLs opened by a download link are not
// fetched by the page.

export function blobUrl(content: string, type: string): string {
  return URL.createObjectURL(new Blob([content], { type }));
}

/** Starts the download of one text file now. */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = blobUrl(content, type);
  startDownload(url, fileName);
  // The download has been handed to the browser; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * Starts the download as a click on a link with a download attribute would: a browser saves the
 * file; the desktop app offers its "Save as" dialog.
 */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
