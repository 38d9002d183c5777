import type { PageProps } from '../page-props.ts';
import { PersonView } from './person-view.tsx';
import { PeopleSearch } from './people-search.tsx';

/** `#/people`: find someone; `#/people/<profileId>`: their timeline. */
export function PeoplePage(props: PageProps) {
  const profileId = props.params[0];
  return profileId ? <PersonView key={profileId} {...props} profileId={profileId} /> : <PeopleSearch {...props} />;
}
