-- The W3C trace context of the event (or request) that queued a notification, so that its delivery (the SMTP send or
-- webhook call) joins that trace (docs/runbook.md, "Follow one request").
alter table notification add column traceparent varchar(55);
