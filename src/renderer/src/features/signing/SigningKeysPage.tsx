import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { BoardKeysSection } from './BoardKeysSection';
import { RegisteredKeysSection } from './RegisteredKeysSection';
import { UnsignedReturnsSetting } from './UnsignedReturnsSetting';

/**
 * Signed returns, both sides: a board makes its signing key and sends the public half to NHS
 * Scotland Assure; the collator registers boards' public keys and decides about unsigned returns.
 */
export function SigningKeysPage() {
  const { state, reload } = useLoad('signing-status', () => call('signing.status', {}), []);
  if (state.status === 'loading') return <LoadingState what="the signing keys" />;
  if (state.status === 'failed') return <LoadFailed what="Signing keys" error={state.error} />;
  const status = state.data;
  return (
    <PageLayout>
      <PageHeading>Signing keys</PageHeading>
      <p className="nhsuk-lede-text">
        A board signs its return with its own key, so NHS Scotland Assure can tell the return came from that board and was not
        changed on the way. The digest in a return shows it was not altered, but anyone can make a digest: only the board’s key
        can make its signature.
      </p>
      <BoardKeysSection status={status} onChanged={reload} />
      <RegisteredKeysSection status={status} onChanged={reload} />
      <UnsignedReturnsSetting status={status} onChanged={reload} />
    </PageLayout>
  );
}
