/** The explorer's routes, under /explore: one stable URL per record, and the search, graph and path views. */
import { useEffect, useRef } from 'react';
import { Provider } from 'urql';
import { Route, Router, Switch, useLocation } from 'wouter';
import { BriefListPage } from './brief/brief-list-page';
import { BriefPage } from './brief/brief-page';
import { DistrictPage } from './district/district-page';
import { GraphPage } from './graph/graph-page';
import { HomePage } from './home/home-page';
import { Layout } from './layout';
import { LessonPage } from './lesson/lesson-page';
import { MeetingListPage } from './meeting/meeting-list-page';
import { MeetingPage } from './meeting/meeting-page';
import { NetworkPage } from './network/network-page';
import { OrganizationPage } from './organization/organization-page';
import { PathPage } from './path/path-page';
import { PersonListPage } from './person/person-list-page';
import { PersonPage } from './person/person-page';
import { SearchPage } from './search/search-page';
import { createExplorerClient } from './shared/client';
import { noteClientNavigation } from './shared/page-title';
import { NotFound } from './shared/query-state';
import { ThemeListPage } from './theme/theme-list-page';
import { ThemePage } from './theme/theme-page';

const client = createExplorerClient();

/** Marks navigations after the first page load, and starts each new page at its top. */
function NavigationWatcher() {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    noteClientNavigation();
    window.scrollTo(0, 0);
  }, [location]);
  return null;
}

export function App() {
  return (
    <Provider value={client}>
      <Router base="/explore">
        <NavigationWatcher />
        <Layout>
          <Switch>
            <Route path="/" component={HomePage} />
            <Route path="/search" component={SearchPage} />
            <Route path="/briefs" component={BriefListPage} />
            <Route path="/briefs/:slug">{(parameters) => <BriefPage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/lessons/:id">{(parameters) => <LessonPage key={parameters.id} id={decodeURIComponent(parameters.id)} />}</Route>
            <Route path="/meetings" component={MeetingListPage} />
            <Route path="/meetings/:number">{(parameters) => <MeetingPage key={parameters.number} number={Number(parameters.number)} />}</Route>
            <Route path="/themes" component={ThemeListPage} />
            <Route path="/themes/:slug">{(parameters) => <ThemePage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/districts/:slug">{(parameters) => <DistrictPage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/networks/:slug">{(parameters) => <NetworkPage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/organizations/:slug">{(parameters) => <OrganizationPage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/people" component={PersonListPage} />
            <Route path="/people/:slug">{(parameters) => <PersonPage key={parameters.slug} slug={decodeURIComponent(parameters.slug)} />}</Route>
            <Route path="/graph" component={GraphPage} />
            <Route path="/path" component={PathPage} />
            <Route>
              <NotFound what="page" />
            </Route>
          </Switch>
        </Layout>
      </Router>
    </Provider>
  );
}
