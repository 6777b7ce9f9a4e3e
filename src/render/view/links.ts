/** Links to groups and organizations, one object per group or organization for the whole view. */
import type { ArchiveModel, GroupModel, OrganizationModel } from '../../model/types.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import { routes } from '../urls.ts';
import type { GroupLink, OrgLink } from './types.ts';

export interface Links {
  /** The group's link; a group missing from the configuration still gets one, by its id. */
  group(id: string): GroupLink;
  /** The organization's link; one missing from the register still gets one, by its id. */
  org(id: string): OrgLink;
  /** The organization's link when it is in the register. */
  registeredOrg(id: string): OrgLink | undefined;
}

export function siteLinks(model: ArchiveModel): Links {
  // A group's or organization's link stands on thousands of pages, in a page hash by its digest.
  const groupLinks = new Map(model.groups.map((g) => [g.id, sharedInPages(groupLink(g))]));
  const orgLinks = new Map(model.organizations.map((o) => [o.id, sharedInPages(orgLink(o))]));
  return {
    group: (id) => groupLinks.get(id) ?? { id, name: id, label: id, url: routes.group(id) },
    org: (id) => orgLinks.get(id) ?? { id, name: id, label: id, url: routes.organization(id) },
    registeredOrg: (id) => orgLinks.get(id),
  };
}

function groupLink(group: GroupModel): GroupLink {
  return { id: group.id, name: group.name, label: group.short || group.name, url: routes.group(group.id) };
}

function orgLink(org: OrganizationModel): OrgLink {
  return { id: org.id, name: org.name, label: org.short || org.name, url: routes.organization(org.id) };
}
