import { messageOf } from '../../api/api-error';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { ReportDownload, type ReportChoice } from './ReportDownload';

// The "Download report" sections of the board, site and ward pages. Each loads its own choices,
// so a page adds one line to show it.

function roundChoices(rounds: readonly string[]): ReportChoice[] {
  return rounds.map((round, i) => ({ value: round, label: i === 0 ? `${round} (latest)` : round }));
}

function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body" aria-busy="true">
      Finding what the {what} can cover…
    </p>
  );
}

function Failed({ what, error }: { what: string; error: unknown }) {
  return (
    <p className="nhsuk-body">
      The {what} cannot be offered right now: {messageOf(error)}
    </p>
  );
}

/** The board page's section: the consolidated estate report for a round. */
export function BoardReportSection({ boardId }: { boardId: string }) {
  const { state } = useLoad('board-report-rounds', () => call('reports.rounds', { boardId, includeDrafts: true }), [boardId]);
  if (state.status === 'loading') return <Loading what="board report" />;
  if (state.status === 'failed') return <Failed what="board report" error={state.error} />;
  return (
    <ReportDownload
      what="board report"
      description="The consolidated estate report: scope and method, a heat map of every ward against the four domains, charts, the top residual ligature risks, the action plan and change since the previous round."
      choices={roundChoices(state.data)}
      choiceLabel="Round"
      emptyMessage="No ward in this board has been assessed yet, so there is no report to download."
      draftsOption
      generate={(round, includeDrafts) => call('reports.board', { boardId, round, includeDrafts })}
    />
  );
}

export function SiteReportSection({ siteId }: { siteId: string }) {
  const { state } = useLoad('site-report-rounds', () => call('reports.rounds', { siteId, includeDrafts: true }), [siteId]);
  if (state.status === 'loading') return <Loading what="site report" />;
  if (state.status === 'failed') return <Failed what="site report" error={state.error} />;
  return (
    <ReportDownload
      what="site report"
      description="This site's wards for one round: heat map, charts, the top residual ligature risks, the action plan and change since the previous round."
      choices={roundChoices(state.data)}
      choiceLabel="Round"
      emptyMessage="No ward at this site has been assessed yet, so there is no report to download."
      draftsOption
      generate={(round, includeDrafts) => call('reports.site', { siteId, round, includeDrafts })}
    />
  );
}

export function WardReportSection({ wardId }: { wardId: string }) {
  const { state } = useLoad('ward-assessments', () => call('assessments.listForWard', { wardId }), [wardId]);
  if (state.status === 'loading') return <Loading what="ward report" />;
  if (state.status === 'failed') return <Failed what="ward report" error={state.error} />;
  const newestFirst = [...state.data].reverse();
  return (
    <ReportDownload
      what="ward report"
      description="One assessment of this ward: the four ratings with completeness, every item that falls short with notes and photos, the ligature register and the action plan."
      choices={newestFirst.map((a) => ({ value: a.id, label: `${a.round}, assessed ${a.assessedOn} (${a.status === 'draft' ? 'draft' : 'signed off'})` }))}
      choiceLabel="Assessment"
      emptyMessage="This ward has not been assessed yet, so there is no report to download."
      generate={(assessmentId) => call('reports.ward', { assessmentId })}
    />
  );
}
