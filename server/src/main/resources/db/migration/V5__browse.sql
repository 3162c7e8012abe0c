-- What TVs browse by: track order within albums, album artists, and indexes for the tree's containers.
ALTER TABLE item ADD COLUMN track_number INT;
ALTER TABLE item ADD COLUMN disc_number INT;
ALTER TABLE item ADD COLUMN album_artist VARCHAR(1024);
CREATE INDEX item_kind_added ON item (kind, added);
CREATE INDEX item_artist ON item (artist);
CREATE INDEX item_album ON item (album);
CREATE INDEX item_genre ON item (genre);
CREATE INDEX item_root_folder ON item (root, folder);

-- One counter that grows with every change to the library, removals included (UPnP SystemUpdateID).
CREATE TABLE library_state (
    id        INT    PRIMARY KEY CHECK (id = 1),
    update_id BIGINT NOT NULL
);
INSERT INTO library_state VALUES (1, 1);

-- Music catalogued before these columns existed is read again by the next scan to fill them in.
UPDATE item SET modified = -1 WHERE kind = 'AUDIO';
