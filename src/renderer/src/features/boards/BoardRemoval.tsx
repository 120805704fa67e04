import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { useAnnounce } from '../../app/status';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { describeContents } from '../../components/counts';
import { href, navigate } from '../../routing/routes';

/** Confirms removing a board, saying how many sites, wards and areas go with it. */
export function BoardRemoval(props: {
  board: Output<'boards.get'>;
  sites: Output<'sites.list'>;
  onCancel: () => void;
}) {
  const { board, sites, onCancel } = props;
  const announce = useAnnounce();
  // Areas are counted per ward, so ask each site for its wards.
  const areas = useLoad('board-removal', async () => {
    const wardLists = await Promise.all(sites.map((site) => call('wards.list', { siteId: site.id })));
    return wardLists.flat().reduce((sum, ward) => sum + ward.areaCount, 0);
  }, [sites]);

  const remove = async () => {
    const result = await call('boards.remove', { id: board.id });
    announce(`Board removed: ${board.name}, with ${describeContents(result.removed)}`, href.boards());
    navigate(href.boards());
  };

  return (
    <ConfirmRemoval
      title={`Remove ${board.name}?`}
      confirmLabel="Yes, remove this board"
      onConfirm={remove}
      onCancel={onCancel}
    >
      {areas.state.status === 'ready' ? (
        <p className="nhsuk-body">
          This also removes everything recorded under it:{' '}
          <strong>{describeContents({ sites: board.siteCount, wards: board.wardCount, areas: areas.state.data })}</strong>.
          This cannot be undone.
        </p>
      ) : areas.state.status === 'failed' ? (
        <p className="nhsuk-body">
          Everything recorded under it ({describeContents({ sites: board.siteCount, wards: board.wardCount })}, with
          their areas) is removed too. This cannot be undone.
        </p>
      ) : (
        <p className="nhsuk-body">Checking what is recorded under it…</p>
      )}
    </ConfirmRemoval>
  );
}
