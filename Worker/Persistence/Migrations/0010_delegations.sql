-- Deputies set by operators (dashboard or CLI); Worker:Delegations adds those from configuration, and a row here wins over
-- a configured one for the same official at the same time. Rows are never deleted: ending one records who and when.
CREATE TABLE worker.delegations (
    id              uuid        PRIMARY KEY,
    approver_email  text        NOT NULL,
    deputy_email    text        NOT NULL,
    deputy_name     text        NOT NULL,
    deputy_position text        NOT NULL,
    deputy_signer   text        NOT NULL,
    deputy_nip      text        NOT NULL DEFAULT '',
    deputy_rank     text        NOT NULL DEFAULT '',
    kind            text        NOT NULL CHECK (kind IN ('Plh', 'Plt', 'an')),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    ended_at        timestamptz,
    ended_by        text,
    CHECK (ends_at > starts_at),
    CHECK (lower(approver_email) <> lower(deputy_email))
);
CREATE INDEX delegations_approver ON worker.delegations (lower(approver_email), starts_at);

-- A step asked while its official was away names the deputy as its approver (email, name, position with the prefix,
-- signer) and keeps the official here, so the record says who signed on whose behalf and the step can go back to them.
ALTER TABLE worker.approval_steps
    ADD COLUMN on_behalf_email     text,
    ADD COLUMN on_behalf_name      text,
    ADD COLUMN on_behalf_position  text,
    ADD COLUMN on_behalf_signer    text,
    ADD COLUMN delegation_kind     text,
    ADD COLUMN delegation_id       uuid REFERENCES worker.delegations (id),
    ADD COLUMN delegation_ends_at  timestamptz,
    ADD COLUMN deputy_nip          text,
    ADD COLUMN deputy_rank         text;
