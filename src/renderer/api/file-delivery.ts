/** Files the backend delivers: the browser fetches a one-time same-origin download, the desktop has saved it already. */
import type { FileDelivery } from '../../shared/api/contract';

/** A same-origin download through a link, so no window opens and the session cookie goes along. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Completes a delivery; returns where the file went (its saved path or downloaded name), or null when cancelled. */
export function receiveFile(delivery: FileDelivery): string | null {
  if (delivery.kind === 'cancelled') return null;
  if (delivery.kind === 'saved') return delivery.path;
  download(delivery.url, delivery.fileName);
  return delivery.fileName;
}
