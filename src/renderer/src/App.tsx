import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/contract';
import { call } from './api/call';
import { createQueryClient } from './api/query-client';
import { AppFooter } from './app/AppFooter';
import { AppHeader } from './app/AppHeader';
import { NotFoundPage } from './app/NotFoundPage';
import { SkipLink } from './app/SkipLink';
import { LiveStatus, StatusProvider } from './app/status';
import { BackupsPage } from './features/backups/BackupsPage';
import { RecoveryPage } from './features/backups/RecoveryPage';
import { SigningKeysPage } from './features/signing/SigningKeysPage';
import { ActionPlanPage } from './features/assessments/ActionPlanPage';
import { LigatureRegisterPage } from './features/assessments/LigatureRegisterPage';
import { RechecksPage } from './features/assessments/RechecksPage';
import { SignOffPage } from './features/assessments/SignOffPage';
import { StartAssessmentPage } from './features/assessments/StartAssessmentPage';
import { WalkthroughPage } from './features/assessments/walk/WalkthroughPage';
import { BoardPage } from './features/boards/BoardPage';
import { BoardsPage } from './features/boards/BoardsPage';
import { HelpPage } from './features/help/HelpPage';
import { ComparePage } from './features/compare/ComparePage';
import { DrillPage } from './features/compare/DrillPage';
import { ImportReturnsPage } from './features/exchange/ImportReturnsPage';
import { SitePage } from './features/sites/SitePage';
import { HandoutsPage } from './features/team/HandoutsPage';
import { ResolvePage } from './features/team/ResolvePage';
import { TeamPage } from './features/team/TeamPage';
import { ChecklistsPage } from './features/templates/ChecklistsPage';
import { WardPage } from './features/wards/WardPage';
import { routeKey, type Route } from './routing/routes';
import { useRoute } from './routing/use-route';

export function App() {
  const [client] = useState(createQueryClient);
  const route = useRoute();
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  // If this fails, the page itself reports the problem; it also says whether the database is damaged.
  const loadInfo = useCallback(() => call('app.info', {}).then(setInfo, () => setInfo(null)), []);
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);
  const recovery = info?.recovery ?? null;

  return (
    <QueryClientProvider client={client}>
      <StatusProvider>
        <SkipLink />
        <AppHeader navigation={!recovery} />
        <div className="nhsuk-width-container">
          {recovery ? <RecoveryPage recovery={recovery} onRecovered={loadInfo} /> : <CurrentPage route={route} key={routeKey(route)} />}
        </div>
        <AppFooter info={info} />
        <LiveStatus />
      </StatusProvider>
    </QueryClientProvider>
  );
}

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'boards':
      return <BoardsPage />;
    case 'board':
      return <BoardPage boardId={route.id} />;
    case 'site':
      return <SitePage siteId={route.id} />;
    case 'ward':
      return <WardPage wardId={route.id} />;
    case 'checklists':
      return <ChecklistsPage />;
    case 'help':
      return <HelpPage section={route.section} />;
    case 'compare':
      return <ComparePage query={route.query} />;
    case 'compare-drill':
      return <DrillPage query={route.query} />;
    case 'import':
      return <ImportReturnsPage />;
    case 'backups':
      return <BackupsPage />;
    case 'signing':
      return <SigningKeysPage />;
    case 'assessment-start':
      return <StartAssessmentPage wardId={route.wardId} />;
    case 'walk':
      return <WalkthroughPage assessmentId={route.id} area={route.area} item={route.item} />;
    case 'assessment-actions':
      return <ActionPlanPage assessmentId={route.id} />;
    case 'assessment-ligature':
      return <LigatureRegisterPage assessmentId={route.id} />;
    case 'assessment-sign-off':
      return <SignOffPage assessmentId={route.id} />;
    case 'assessment-rechecks':
      return <RechecksPage assessmentId={route.id} />;
    case 'assessment-team':
      return <TeamPage assessmentId={route.id} />;
    case 'assessment-resolve':
      return <ResolvePage assessmentId={route.id} />;
    case 'handouts':
      return <HandoutsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
