import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { href } from '../../routing/routes';
import { TakeFilesForm } from './TakeFilesForm';

/**
 * Where hand-out files come in on this device: the board's register, an assessment to carry on
 * with, or another device's work on an assessment already here (merged record by record).
 */
export function HandoutsPage() {
  return (
    <PageLayout breadcrumbs={[{ href: href.importReturns(), label: 'Import' }]}>
      <PageHeading caption="Working as a team">Hand-outs</PageHeading>
      <p className="nhsuk-body">
        Assessors walking a ward together each work on their own laptop or tablet, without a network. Files carry the work
        between them, by USB stick, e-mail or a shared drive:
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>the board lead hands out the estate register (from the board’s page), so every device uses the same wards and areas;</li>
        <li>an assessment is handed out from its Team page, to carry on with on another device;</li>
        <li>each device brings its work back the same way, and it is merged answer by answer. Where two devices changed the same thing differently, both versions are kept for a person to choose on the Resolve page: nothing is overwritten or dropped.</li>
      </ul>
      <p className="nhsuk-body">Each file is checked in full before anything is written, and refused whole if anything is wrong. Taking the same file twice changes nothing.</p>
      <TakeFilesForm label="Hand-out files" hint="Register or assessment files (.json) from another device. You can choose several at once, in any order." button="Take files" />
    </PageLayout>
  );
}
