import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useAnnounce } from '../../app/status';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { count } from '../../components/counts';
import { href, navigate } from '../../routing/routes';

/** Confirms removing a ward, saying how many areas go with it. */
export function WardRemoval({ ward, onCancel }: { ward: Output<'wards.get'>; onCancel: () => void }) {
  const announce = useAnnounce();

  const remove = async () => {
    const result = await call('wards.remove', { id: ward.id });
    announce(`Ward removed: ${ward.name}, with ${count(result.removed.areas, 'area')}`, href.site(ward.siteId));
    navigate(href.site(ward.siteId));
  };

  return (
    <ConfirmRemoval title={`Remove ${ward.name}?`} confirmLabel="Yes, remove this ward" onConfirm={remove} onCancel={onCancel}>
      <p className="nhsuk-body">
        This also removes its <strong>{count(ward.areaCount, 'area')}</strong>. This cannot be undone.
      </p>
    </ConfirmRemoval>
  );
}
