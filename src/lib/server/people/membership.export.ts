// The sections of "Download all my data" beyond the account itself: registry rows, memberships,
// invitation answers, every participation row that names the person, and the address's subscriptions. Imported once by the
// account service, so the export is complete wherever it is produced.
import { accountExportSections } from './account.export';
import { selectInvitationAnswersOfUser } from './invitation.queries';
import {
	selectCommentsOfUser,
	selectIdeasOfUser,
	selectRegistrationsOfUser,
	selectReportsOfUser,
	selectSupportsOfUser,
	selectWorkingGroupMembershipsOfUser
} from './membership.export.queries';
import { selectAccountEmail, selectMembershipsOfUser, selectPeopleOfUser } from './membership.queries';
import { listSubscriptionsOfAddress } from '../updates/updates.service';

const withAddress = async (db: Parameters<typeof selectAccountEmail>[0], userId: string) => (await selectAccountEmail(db, userId)) ?? '';

accountExportSections.push(
	{ key: 'registryEntries', collect: selectPeopleOfUser },
	{ key: 'organisationMemberships', collect: selectMembershipsOfUser },
	{ key: 'ideas', collect: selectIdeasOfUser },
	{ key: 'comments', collect: selectCommentsOfUser },
	{ key: 'supports', collect: selectSupportsOfUser },
	{ key: 'reports', collect: selectReportsOfUser },
	{ key: 'eventRegistrations', collect: async (db, userId) => selectRegistrationsOfUser(db, userId, await withAddress(db, userId)) },
	{ key: 'workingGroupMemberships', collect: async (db, userId) => selectWorkingGroupMembershipsOfUser(db, userId, await withAddress(db, userId)) },
	{ key: 'invitationAnswers', collect: selectInvitationAnswersOfUser },
	// Subscriptions belong to an address, not an account: the account's address has them.
	{ key: 'strategyUpdates', collect: async (db, userId) => listSubscriptionsOfAddress({ db, email: await withAddress(db, userId) }) }
);
