import { FileSignaturePanel } from './FileSignaturePanel';
import { SignFilePanel } from './SignFilePanel';
import { DecryptFilePanel } from './DecryptFilePanel';

/** Files, as CERTs exchange them beside messages: check a signature, sign or encrypt, decrypt. */
export function FilesPanel() {
  return (
    <div className="stack">
      <FileSignaturePanel />
      <SignFilePanel />
      <DecryptFilePanel />
    </div>
  );
}
