-- Submission API and webhooks: which client submitted a document, idempotent submissions, and an ordered log of the
-- state changes of API documents, announced to each client's webhook.

ALTER TABLE worker.documents ADD COLUMN api_client text;
CREATE INDEX documents_api_client ON worker.documents (api_client) WHERE api_client IS NOT NULL;

-- One row per (client, Idempotency-Key): the document id the key stands for, and the first answer, replayed on a retry.
CREATE TABLE worker.api_requests (
    client          text        NOT NULL,
    idempotency_key text        NOT NULL,
    document_id     uuid        NOT NULL,
    -- SHA-256 of the route and the file: the same key with another request is refused instead of answered wrongly
    fingerprint     text        NOT NULL,
    status_code     integer,
    response        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client, idempotency_key)
);

-- Every state an API document takes, in order; the dispatcher turns each row into one Hangfire delivery job.
CREATE TABLE worker.webhook_events (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    document_id   uuid        NOT NULL REFERENCES worker.documents (id),
    client        text        NOT NULL,
    state         text        NOT NULL,
    at            timestamptz NOT NULL,
    dispatched_at timestamptz,
    -- the delivery job; null when the client has no webhook
    job_id        text,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    delivered_at  timestamptz
);
CREATE INDEX webhook_events_undispatched ON worker.webhook_events (seq) WHERE dispatched_at IS NULL;
CREATE INDEX webhook_events_document ON worker.webhook_events (document_id, seq);

-- In the database rather than in intake, approval and signing: no state change can forget to announce itself. The row lock
-- an UPDATE takes orders the events of one document as its changes were committed.
CREATE FUNCTION worker.documents_state_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.api_client IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state) THEN
        INSERT INTO worker.webhook_events (document_id, client, state, at) VALUES (NEW.id, NEW.api_client, NEW.state, now());
        PERFORM pg_notify('worker_webhook_events', '');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER documents_state_event AFTER INSERT OR UPDATE OF state ON worker.documents
    FOR EACH ROW EXECUTE FUNCTION worker.documents_state_event();
