/** Loads every feature's read declarations, so the engine knows every record type and root field. */
import '../audit/audit.reads';
import '../auth/api-key.reads';
import '../brief/brief.reads';
import '../district/district.reads';
import '../lesson/lesson.reads';
import '../meeting/meeting.reads';
import '../network/district-network-membership.reads';
import '../network/district-network.reads';
import '../node/node.reads';
import '../organization/organization.reads';
import '../person/person.reads';
import '../source-document/source-document.reads';
import '../theme/theme.reads';
import '../webhook/webhook.reads';
