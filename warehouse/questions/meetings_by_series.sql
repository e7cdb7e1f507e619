-- Each group's meetings in order, with who chaired and how many attended.
SELECT m."series", m."date", COALESCE(p."name", '') AS "chair",
       (SELECT COUNT(*) FROM "attendance" a
        WHERE a."document_sha256" = m."document_sha256" AND a."attendance" = 'present')
         AS "present"
FROM "meetings" m
LEFT JOIN "people" p ON p."person_id" = m."chair_person_id"
ORDER BY m."series", m."date"
