package org.diva.transcode.thumbnail;

/** Turns what a library threw on bad input into a {@link ThumbnailException} that says where it stopped. */
final class Failures {
    private Failures() {
    }

    /**
     * A reason of DiVA's own (a read budget, a deadline) that the library wrapped is kept; anything else is damage,
     * reported with the library's words.
     */
    static ThumbnailException damaged(String name, String problem, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ThumbnailException own) {
                return own;
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        return new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": " + problem + " (" + detail + ")",
                e);
    }
}
