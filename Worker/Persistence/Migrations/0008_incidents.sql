-- Operator incidents: one row per incident, so it is mailed once when it opens and once when it recovers, across retries and workers.
CREATE TABLE worker.incidents (
    id              uuid PRIMARY KEY,
    -- what it is about, e.g. document-failed:ID, route-folder:NAME, mail-delivery
    key             text        NOT NULL,
    summary         text        NOT NULL,
    opened_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    -- taken by the worker that sends the mail; given back when the send fails
    opened_mailed   boolean     NOT NULL DEFAULT false,
    resolved_mailed boolean     NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX incidents_open ON worker.incidents (key) WHERE resolved_at IS NULL;
CREATE INDEX incidents_unmailed ON worker.incidents (opened_at) WHERE NOT opened_mailed OR (resolved_at IS NOT NULL AND NOT resolved_mailed);
