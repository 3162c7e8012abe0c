-- The probe's JSON is a few KB at most: kept inline in the row rather than as a CLOB, which H2 stores apart
-- and copies on every write (it was the largest cost of recording a scan).
ALTER TABLE item ALTER COLUMN metadata SET DATA TYPE VARCHAR(1000000);
