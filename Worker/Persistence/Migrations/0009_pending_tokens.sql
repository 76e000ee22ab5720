-- A link being sent works as soon as the mail can arrive: its hash is committed before the send, while the claim that
-- records the send commits only after the mail server answered (OutboxClaim.IssueTokenAsync).
ALTER TABLE worker.approval_steps ADD COLUMN pending_token_sha256 bytea UNIQUE;
