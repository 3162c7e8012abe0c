package org.diva.server.pool.membership;

/** An invite that cannot be used, with the reason a person can act on (used, expired, wrong secret...). */
public final class InviteRefusedException extends RuntimeException {
    public InviteRefusedException(String message) {
        super(message);
    }
}
