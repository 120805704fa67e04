import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useAnnounce } from '../../app/status';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { describeContents } from '../../components/counts';
import { href, navigate } from '../../routing/routes';

/** Confirms removing a site, saying how many wards and areas go with it. */
export function SiteRemoval(props: {
  site: Output<'sites.get'>;
  wards: Output<'wards.list'>;
  boardId: string;
  onCancel: () => void;
}) {
  const { site, wards, boardId, onCancel } = props;
  const announce = useAnnounce();
  const areas = wards.reduce((sum, ward) => sum + ward.areaCount, 0);

  const remove = async () => {
    const result = await call('sites.remove', { id: site.id });
    const { wards: wardCount, areas: areaCount } = result.removed;
    announce(`Site removed: ${site.name}, with ${describeContents({ wards: wardCount, areas: areaCount })}`, href.board(boardId));
    navigate(href.board(boardId));
  };

  return (
    <ConfirmRemoval title={`Remove ${site.name}?`} confirmLabel="Yes, remove this site" onConfirm={remove} onCancel={onCancel}>
      <p className="nhsuk-body">
        This also removes everything recorded under it: <strong>{describeContents({ wards: wards.length, areas })}</strong>.
        This cannot be undone.
      </p>
    </ConfirmRemoval>
  );
}
