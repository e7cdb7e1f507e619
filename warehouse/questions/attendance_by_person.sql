-- Who attended most meetings: meetings present and meetings with apologies, per person.
SELECT p."name" AS "person",
       SUM(CASE WHEN a."attendance" = 'present' THEN 1 ELSE 0 END) AS "present",
       SUM(CASE WHEN a."attendance" = 'apologies' THEN 1 ELSE 0 END) AS "apologies"
FROM "attendance" a
JOIN "people" p ON p."person_id" = a."person_id"
GROUP BY p."name"
ORDER BY "present" DESC, "apologies" DESC, p."name"
