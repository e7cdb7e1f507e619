-- Open actions by owner: actions whose status is open or ongoing at their meeting, per owner
-- (the resolved person where known, else the owner as written).
SELECT COALESCE(o."name", o."text") AS "owner",
       COUNT(*) AS "open_actions"
FROM "actions" a
JOIN "action_owners" o
  ON o."document_sha256" = a."document_sha256" AND o."action_index" = a."index"
WHERE a."status" IN ('open', 'ongoing')
GROUP BY COALESCE(o."name", o."text")
ORDER BY "open_actions" DESC, "owner"
