-- Money by LA and period: how many figures, and their total, per local authority (a figure
-- attributed to several LAs counts once under their joined codes) and per period.
SELECT COALESCE(la."name", m."la_codes") AS "la",
       COALESCE(m."period", '') AS "period",
       COUNT(*) AS "figures",
       ROUND(SUM(m."amount"), 2) AS "total"
FROM "money" m
LEFT JOIN "local_authorities" la ON la."gss_code" = m."la_codes"
GROUP BY COALESCE(la."name", m."la_codes"), COALESCE(m."period", '')
ORDER BY "la", "period"
