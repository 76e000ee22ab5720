-- Wrong personal secrets typed on one approval link (a count, never the secrets): after five the link signs no more
-- until an operator sends a new one, which starts a new count.
CREATE TABLE worker.secret_attempts (
    token_sha256  bytea       PRIMARY KEY,
    step_id       uuid        NOT NULL REFERENCES worker.approval_steps (id),
    wrong         integer     NOT NULL,
    last_wrong_at timestamptz NOT NULL
);
