-- Up Migration

-- Adding someone to an organization is an invitation the person accepts (issue 8, item 15):
-- no account is added anywhere without its owner's consent. The link's token is random; only
-- its sha256 is stored (like API tokens), so the table does not hold usable links.
CREATE TABLE member_invitation (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  -- Lower-cased like app_user.email; matched against the account that accepts.
  email        text NOT NULL,
  role         "Role" NOT NULL,
  token_hash   text NOT NULL,
  invited_by   uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  expires_at   timestamptz(3) NOT NULL,
  accepted_at  timestamptz(3),
  declined_at  timestamptz(3),
  revoked_at   timestamptz(3),
  CONSTRAINT member_invitation_token_hash_key UNIQUE (token_hash),
  CONSTRAINT member_invitation_email_lower CHECK (email = lower(email)),
  CONSTRAINT member_invitation_closed_once CHECK (num_nonnulls(accepted_at, declined_at, revoked_at) <= 1)
);
CREATE INDEX member_invitation_email_idx ON member_invitation (email);
CREATE INDEX member_invitation_org_id_idx ON member_invitation (org_id);
-- At most one open invitation per organization and address (a new one replaces the old).
CREATE UNIQUE INDEX member_invitation_open_key ON member_invitation (org_id, email)
  WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL;

-- Down Migration
DROP TABLE member_invitation;
