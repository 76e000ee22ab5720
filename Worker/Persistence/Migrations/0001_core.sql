-- The worker's own tables. Hangfire (schema hangfire) and Quartz (qrtz_ tables) create theirs.

CREATE TABLE worker.documents (
    id              uuid PRIMARY KEY,
    route           text        NOT NULL,
    -- Received, AwaitingApproval, Approved, Filed, Declined, Expired, Invalid, Duplicate, Failed
    state           text        NOT NULL,
    source_name     text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    page_count      integer,
    title           text        NOT NULL,
    number          text,
    submitter_email text,
    note            text,
    -- where the original bytes are kept (content store); never deleted by the worker
    content_path    text,
    error           text,
    signed_sha256   text,
    signed_path     text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    filed_at        timestamptz
);
CREATE INDEX documents_route_sha256 ON worker.documents (route, sha256);
CREATE INDEX documents_state ON worker.documents (state, updated_at);

CREATE TABLE worker.approval_steps (
    id                  uuid PRIMARY KEY,
    document_id         uuid        NOT NULL REFERENCES worker.documents (id),
    position            integer     NOT NULL,
    approver_email      text        NOT NULL,
    approver_name       text        NOT NULL,
    approver_position   text        NOT NULL DEFAULT '',
    language            text        NOT NULL DEFAULT 'id',
    signer              text        NOT NULL DEFAULT '',
    -- Pending (not asked yet), Waiting (link sent or being sent), Approved, Rejected, Expired, Cancelled
    state               text        NOT NULL,
    -- only the SHA-256 of the link token is stored
    token_sha256        bytea UNIQUE,
    token_expires_at    timestamptz,
    asked_at            timestamptz,
    decided_at          timestamptz,
    decision_ip         text,
    decision_user_agent text,
    reason              text,
    reminders_sent      integer     NOT NULL DEFAULT 0,
    last_reminder_at    timestamptz,
    -- NotSent, Sent, Failed (delivery of the current link)
    email_state         text        NOT NULL DEFAULT 'NotSent',
    email_attempts      integer     NOT NULL DEFAULT 0,
    email_last_error    text,
    email_sent_at       timestamptz,
    signed_at           timestamptz,
    UNIQUE (document_id, position)
);

-- Append-only, hash-chained: hash = SHA-256(previous hash || canonical content).
CREATE TABLE worker.audit_events (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    document_id uuid,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    detail      text        NOT NULL DEFAULT '',
    source      text        NOT NULL DEFAULT '',
    prev_hash   bytea       NOT NULL,
    hash        bytea       NOT NULL
);
CREATE INDEX audit_events_document ON worker.audit_events (document_id, seq);

-- Whatever role runs the worker, audit rows cannot be changed or removed.
CREATE FUNCTION worker.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON worker.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION worker.audit_events_append_only();
