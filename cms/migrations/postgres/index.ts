import * as migration_20261127_235153_initial from './20261127_235153_initial';
import * as migration_20261128_012524_site_builds_and_jobs from './20261128_012524_site_builds_and_jobs';
import * as migration_20261128_135736_portal_sessions from './20261128_135736_portal_sessions';
import * as migration_20261128_141323_portal_proposals from './20261128_141323_portal_proposals';
import * as migration_20261129_195331_audit_log_public_version from './20261129_195331_audit_log_public_version';
import * as migration_20261129_233707_explanation_deadline from './20261129_233707_explanation_deadline';
import * as migration_20261130_002458_signoff_as from './20261130_002458_signoff_as';
import * as migration_20261130_024257_explanation_stage from './20261130_024257_explanation_stage';
import * as migration_20261130_024337_refresh_screened_out_deadlines from './20261130_024337_refresh_screened_out_deadlines';
import * as migration_20261130_025936_duties from './20261130_025936_duties';
import * as migration_20261130_053204_extension_requests from './20261130_053204_extension_requests';
import * as migration_20261130_053420_letterhead_doc_numbers from './20261130_053420_letterhead_doc_numbers';
import * as migration_20261130_054000_commitments_and_returns from './20261130_054000_commitments_and_returns';
import * as migration_20261130_064522_entered_by_and_heading from './20261130_064522_entered_by_and_heading';
import * as migration_20261130_093844_lists_sort_and_reply_class from './20261130_093844_lists_sort_and_reply_class';
import * as migration_20261130_131725_duties_role_action from './20261130_131725_duties_role_action';
import * as migration_20261130_133937_commitments_ledger from './20261130_133937_commitments_ledger';
import * as migration_20261130_171346_board_key_items_and_urging from './20261130_171346_board_key_items_and_urging';
import * as migration_20261130_171738_notices from './20261130_171738_notices';
import * as migration_20261201_005026_notices_key_index from './20261201_005026_notices_key_index';
import * as migration_20261201_042956_audit_reset_links from './20261201_042956_audit_reset_links';

export const migrations = [
  {
    up: migration_20261127_235153_initial.up,
    down: migration_20261127_235153_initial.down,
    name: '20261127_235153_initial',
  },
  {
    up: migration_20261128_012524_site_builds_and_jobs.up,
    down: migration_20261128_012524_site_builds_and_jobs.down,
    name: '20261128_012524_site_builds_and_jobs',
  },
  {
    up: migration_20261128_135736_portal_sessions.up,
    down: migration_20261128_135736_portal_sessions.down,
    name: '20261128_135736_portal_sessions',
  },
  {
    up: migration_20261128_141323_portal_proposals.up,
    down: migration_20261128_141323_portal_proposals.down,
    name: '20261128_141323_portal_proposals',
  },
  {
    up: migration_20261129_195331_audit_log_public_version.up,
    down: migration_20261129_195331_audit_log_public_version.down,
    name: '20261129_195331_audit_log_public_version',
  },
  {
    up: migration_20261129_233707_explanation_deadline.up,
    down: migration_20261129_233707_explanation_deadline.down,
    name: '20261129_233707_explanation_deadline',
  },
  {
    up: migration_20261130_002458_signoff_as.up,
    down: migration_20261130_002458_signoff_as.down,
    name: '20261130_002458_signoff_as',
  },
  {
    up: migration_20261130_024257_explanation_stage.up,
    down: migration_20261130_024257_explanation_stage.down,
    name: '20261130_024257_explanation_stage',
  },
  {
    up: migration_20261130_024337_refresh_screened_out_deadlines.up,
    down: migration_20261130_024337_refresh_screened_out_deadlines.down,
    name: '20261130_024337_refresh_screened_out_deadlines',
  },
  {
    up: migration_20261130_025936_duties.up,
    down: migration_20261130_025936_duties.down,
    name: '20261130_025936_duties',
  },
  {
    up: migration_20261130_053204_extension_requests.up,
    down: migration_20261130_053204_extension_requests.down,
    name: '20261130_053204_extension_requests',
  },
  {
    up: migration_20261130_053420_letterhead_doc_numbers.up,
    down: migration_20261130_053420_letterhead_doc_numbers.down,
    name: '20261130_053420_letterhead_doc_numbers',
  },
  {
    up: migration_20261130_054000_commitments_and_returns.up,
    down: migration_20261130_054000_commitments_and_returns.down,
    name: '20261130_054000_commitments_and_returns',
  },
  {
    up: migration_20261130_064522_entered_by_and_heading.up,
    down: migration_20261130_064522_entered_by_and_heading.down,
    name: '20261130_064522_entered_by_and_heading',
  },
  {
    up: migration_20261130_093844_lists_sort_and_reply_class.up,
    down: migration_20261130_093844_lists_sort_and_reply_class.down,
    name: '20261130_093844_lists_sort_and_reply_class',
  },
  {
    up: migration_20261130_131725_duties_role_action.up,
    down: migration_20261130_131725_duties_role_action.down,
    name: '20261130_131725_duties_role_action',
  },
  {
    up: migration_20261130_133937_commitments_ledger.up,
    down: migration_20261130_133937_commitments_ledger.down,
    name: '20261130_133937_commitments_ledger',
  },
  {
    up: migration_20261130_171346_board_key_items_and_urging.up,
    down: migration_20261130_171346_board_key_items_and_urging.down,
    name: '20261130_171346_board_key_items_and_urging',
  },
  {
    up: migration_20261130_171738_notices.up,
    down: migration_20261130_171738_notices.down,
    name: '20261130_171738_notices',
  },
  {
    up: migration_20261201_005026_notices_key_index.up,
    down: migration_20261201_005026_notices_key_index.down,
    name: '20261201_005026_notices_key_index',
  },
  {
    up: migration_20261201_042956_audit_reset_links.up,
    down: migration_20261201_042956_audit_reset_links.down,
    name: '20261201_042956_audit_reset_links'
  },
];
