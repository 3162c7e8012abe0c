-- Content ids of the pool (issue 5): a title's id is derived from the SHA-256 of its 1 MiB chunks
-- (org.diva.server.pool.content.ChunkList says exactly how), so the same bytes in two households have the same id.
-- One row per distinct content, with its chunk hash list, so a neighbour reading it can verify every chunk.
CREATE TABLE content (
    content_id    CHAR(64)       NOT NULL PRIMARY KEY,  -- lowercase hex of the 32-byte id
    size          BIGINT         NOT NULL,
    chunk_hashes  BINARY LARGE OBJECT NOT NULL          -- the chunks' SHA-256 hashes, 32 bytes each, in order
);

-- Which local file has which content, as of its size and modification time: a file whose size or time moved
-- no longer matches its row and is hashed again when next asked.
CREATE TABLE content_file (
    path          VARCHAR(8192)  NOT NULL PRIMARY KEY,  -- absolute, normalised; never leaves the server
    size          BIGINT         NOT NULL,
    modified      BIGINT         NOT NULL,              -- epoch millis
    content_id    CHAR(64)       NOT NULL REFERENCES content (content_id)
);
CREATE INDEX content_file_id ON content_file (content_id);
