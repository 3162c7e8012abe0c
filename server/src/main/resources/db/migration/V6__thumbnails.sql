-- Pictures of items, made on first request and kept for the item version they were made from: a changed file (a
-- new version) gets a new one. A file no picture can be made of keeps the reason instead (data NULL), so that a TV
-- browsing a folder does not make DiVA try it again on every visit. One row per DLNA image profile (JPEG_TN now;
-- the scaled photo sizes when the transcoder needs them).
CREATE TABLE thumbnail (
    item_id       BIGINT        NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    profile       VARCHAR(16)   NOT NULL,             -- DLNA.ORG_PN: JPEG_TN, JPEG_SM, ...
    item_version  INT           NOT NULL,             -- item.version it was made from
    width         INT,
    height        INT,
    -- the JPEG, inline: a thumbnail is a few KB, and a BLOB would be stored apart and copied (see V3)
    data          VARBINARY(16777216),
    failure       VARCHAR(2000),                      -- why there is no picture, when data is NULL
    made          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, profile)
);
