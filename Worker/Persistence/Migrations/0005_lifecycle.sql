-- One lifecycle: the states a document may be in (Lifecycle.cs holds the same list and the allowed changes), and the work
-- each step implies, committed with the step and relayed to Hangfire, so a crash between the two loses nothing.

ALTER TABLE worker.documents ADD CONSTRAINT documents_state_known
    CHECK (state IN ('Received', 'AwaitingApproval', 'Approved', 'Filed', 'Declined', 'Expired', 'Invalid', 'Duplicate', 'Failed'));

CREATE TABLE worker.follow_ups (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id   uuid        NOT NULL REFERENCES worker.documents (id),
    kind          text        NOT NULL CHECK (kind IN ('StartApproval', 'Sign', 'FileDeclined', 'DeliverMail')),
    -- outbox rows a DeliverMail follow-up delivers (empty for the others)
    mail          uuid[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL,
    -- set when the relay enqueued its Hangfire job; the job re-checks the document, so a second relay is harmless
    dispatched_at timestamptz,
    job_id        text
);
CREATE INDEX follow_ups_undispatched ON worker.follow_ups (seq) WHERE dispatched_at IS NULL;
CREATE INDEX follow_ups_document ON worker.follow_ups (document_id, kind, seq);
-- The sweep looks for the latest delivery of an unsent email.
CREATE INDEX follow_ups_mail ON worker.follow_ups USING gin (mail);
