-- Which matching rules the stored findings and match index were made with. When an upgrade brings new rules
-- (Matcher.RULES), the first instance to start queues one full background re-match (MatchingRulesUpgrade).
CREATE TABLE matching_rules_version (
    id      INTEGER PRIMARY KEY,
    version VARCHAR(40) NOT NULL
);
INSERT INTO matching_rules_version (id, version) VALUES (1, 'before 2026-12-01');
