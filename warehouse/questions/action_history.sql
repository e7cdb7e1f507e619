-- The status history of one action across its group's meetings: action 47 of the South East
-- fostering group.
SELECT h."meeting_date", h."status", h."status_raw"
FROM "action_status_history" h
WHERE h."series" = 'fostering regional group meeting notes and action log' AND h."ref" = '47'
ORDER BY h."meeting_date"
