import { useState } from 'react';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { downloadText } from '../../components/download';

/** A file the app writes on request and hands to the user: busy while written, the error if it fails. */
export function useFileDownload() {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download<F extends { fileName: string; content: string }>(write: () => Promise<F>, done: (file: F) => string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const file = await write();
      downloadText(file.fileName, file.content, 'application/json');
      announce(done(file));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, download };
}
