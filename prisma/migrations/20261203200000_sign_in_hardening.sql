-- Sign-in attempts are counted atomically BEFORE a password is checked, per account and client,
-- so parallel guesses cannot all be evaluated and a stranger cannot lock an account out from
-- another address. `attempts` counts admitted attempts in the window; `refused` says whether the
-- last one was turned away (refused attempts are not counted as failures).
CREATE TABLE sign_in_attempt (
  email text NOT NULL,
  client text NOT NULL,
  window_start timestamptz(3) NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  refused boolean NOT NULL DEFAULT false,
  PRIMARY KEY (email, client)
);

-- Sessions issued before this instant are void: bumped on sign-out, role change and removal.
ALTER TABLE app_user ADD COLUMN sessions_valid_after timestamptz(3) NOT NULL DEFAULT '1970-01-01 00:00:00+00';
