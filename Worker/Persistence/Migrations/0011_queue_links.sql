-- Links to an approver's queue ("Semua dokumen yang menunggu Anda"): only the SHA-256 of the random token is kept, bound to
-- one approver's address and an expiry; what the queue shows is read from the steps at every request.
CREATE TABLE worker.queue_links (
    token_sha256   bytea       PRIMARY KEY,
    approver_email text        NOT NULL,
    language       text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE INDEX approval_steps_waiting_by_approver ON worker.approval_steps (lower(approver_email)) WHERE state = 'Waiting';
