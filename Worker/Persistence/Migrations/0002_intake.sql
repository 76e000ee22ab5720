-- Intake: which Hangfire job carries a document's hand-off to approval, so a sweep can re-enqueue a lost one.

ALTER TABLE worker.documents
    ADD COLUMN approval_job_id      text,
    ADD COLUMN approval_enqueued_at timestamptz;

-- The sweep reads only documents still waiting for their hand-off.
CREATE INDEX documents_received ON worker.documents (received_at) WHERE state = 'Received';
