-- Which API client an upload's claim belongs to, written before the file is claimed: a claim ticket in the shared
-- folder can be forged by anyone with inbox access, so recovery takes the client from here, never from the ticket.

CREATE TABLE worker.upload_claims (
    document_id uuid        PRIMARY KEY,
    client      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
