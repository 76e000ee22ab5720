-- Approval by email link: an outbox so each email leaves once, retired link hashes, and where a declined file went.

-- One row per email the worker means to send; the unique key makes asking twice harmless.
CREATE TABLE worker.outbox (
    id          uuid PRIMARY KEY,
    key         text        NOT NULL UNIQUE,
    -- Invite, Reminder, Declined, Expired
    kind        text        NOT NULL,
    document_id uuid        NOT NULL REFERENCES worker.documents (id),
    step_id     uuid        REFERENCES worker.approval_steps (id),
    recipient   text        NOT NULL,
    -- Pending, Sent, Failed (will be retried), Cancelled (no longer needed)
    state       text        NOT NULL DEFAULT 'Pending',
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    message_id  text,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_document ON worker.outbox (document_id);
CREATE INDEX outbox_unsent ON worker.outbox (state, created_at) WHERE sent_at IS NULL;

-- Hashes of links replaced by a newer one (reminder, resend): they answer 410 instead of 404.
CREATE TABLE worker.retired_tokens (
    token_sha256 bytea PRIMARY KEY,
    step_id      uuid        NOT NULL REFERENCES worker.approval_steps (id),
    retired_at   timestamptz NOT NULL
);

CREATE INDEX approval_steps_open ON worker.approval_steps (state, token_expires_at);

ALTER TABLE worker.documents ADD COLUMN declined_path text;

-- ASP.NET Core data-protection keys, shared so a form served by one worker validates on another.
CREATE TABLE worker.data_protection_keys (
    name       text PRIMARY KEY,
    xml        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
