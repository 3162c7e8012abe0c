-- The neighbourhood pool this server belongs to (at most one row), its members and its open invites.
CREATE TABLE pool (
    id       INT          PRIMARY KEY CHECK (id = 1),
    name     VARCHAR(100) NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every member, this server included. Members are recognised by certificate (server_id = its SHA-256); a removed
-- member keeps its row with removed = TRUE, so a late message naming it cannot bring it back.
CREATE TABLE pool_member (
    server_id     VARCHAR(64)    PRIMARY KEY,     -- ServerId text form
    name          VARCHAR(100)   NOT NULL,        -- the household's server name
    certificate   VARBINARY(8192) NOT NULL,       -- DER, as presented in its TLS handshake
    pool_address  VARCHAR(300),                   -- host:port of its JGroups TCP listener
    peer_address  VARCHAR(300),                   -- https://host:port of its peer API
    added         TIMESTAMP WITH TIME ZONE NOT NULL,
    removed       BOOLEAN        NOT NULL DEFAULT FALSE
);

-- Invites this server made. Only the secret's SHA-256 is kept; an invite works once (used) and until it expires.
CREATE TABLE pool_invite (
    id           VARCHAR(32)  PRIMARY KEY,
    secret_hash  VARBINARY(32) NOT NULL,
    expires      TIMESTAMP WITH TIME ZONE NOT NULL,
    used         BOOLEAN      NOT NULL DEFAULT FALSE,
    used_by      VARCHAR(64)
);

-- What the household should know after the server left its pool involuntarily, e.g. 'removed from the pool'.
CREATE TABLE pool_notice (
    id       INT           PRIMARY KEY CHECK (id = 1),
    message  VARCHAR(500)  NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL
);
