-- assurance-service's action reminders (ACTION_DUE_SOON, ACTION_OVERDUE) go to an action's owner by email. They are
-- about no offender (offender_ids empty) and, when the owner is not known here yet, force-wide (area 'FORCE').
alter table notification drop constraint notification_type_check;
alter table notification add constraint notification_type_check
    check (type in ('DUE_SOON', 'OVERDUE', 'ESCALATION', 'DIGEST', 'ACTION_DUE_SOON', 'ACTION_OVERDUE'));
