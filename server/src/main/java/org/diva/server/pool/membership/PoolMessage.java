package org.diva.server.pool.membership;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Optional;

/**
 * What members tell each other over the pool channel, as small JSON objects with a {@code type}. The sender's
 * identity is the JGroups address's ServerId (a member authenticated by TLS); messages from anyone not a member
 * now are dropped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PoolMessage.MemberAdded.class, name = "member-added"),
    @JsonSubTypes.Type(value = PoolMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = PoolMessage.MemberRemoved.class, name = "member-removed"),
    @JsonSubTypes.Type(value = PoolMessage.MemberInfo.class, name = "member-info"),
    @JsonSubTypes.Type(value = PoolMessage.Roster.class, name = "roster")
})
public sealed interface PoolMessage {
    /** A joiner redeemed an invite; every member trusts it from now on and answers with an {@link Ack}. */
    record MemberAdded(MemberJson member, long ack) implements PoolMessage {
    }

    /** Received and applied message {@code ack}. */
    record Ack(long ack) implements PoolMessage {
    }

    /** A member was removed (or left): its certificate is refused from now on. */
    record MemberRemoved(String id, String reason, long ack) implements PoolMessage {
    }

    /** A member's name and addresses, sent by itself when the view changes and when its addresses move. */
    record MemberInfo(String name, Optional<String> poolAddress, Optional<String> peerAddress)
            implements PoolMessage {
    }

    /** The coordinator's list of members and removed ids, sent on view changes so a returning member catches up. */
    record Roster(List<MemberJson> members, List<String> removed) implements PoolMessage {
    }
}
