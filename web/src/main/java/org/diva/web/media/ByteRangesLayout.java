package org.diva.web.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.ByteRange;

/**
 * A {@code multipart/byteranges} body (RFC 9110 section 14.6, RFC 2046 section 5.1.1) over a {@link Layout}, as
 * segments: each part's delimiter and headers in memory, its bytes sliced from the layout (file ranges stay file
 * ranges, sent zero-copy). Being segments, the body's length is known, so it goes with a Content-Length.
 */
final class ByteRangesLayout {
    private ByteRangesLayout() {
    }

    static List<Layout.Segment> body(Layout layout, String contentType, List<ByteRange> ranges, String boundary) {
        List<Layout.Segment> body = new ArrayList<>();
        long size = layout.size();
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange range = ranges.get(i);
            // The CRLF before each delimiter after the first belongs to the delimiter, not to the part's bytes.
            body.add(ascii((i == 0 ? "" : "\r\n") + "--" + boundary + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Range: " + range.toHeaderValue(size) + "\r\n\r\n"));
            body.addAll(layout.slice(range.first(), range.getLength()));
        }
        body.add(ascii("\r\n--" + boundary + "--\r\n"));
        return body;
    }

    static long length(List<Layout.Segment> body) {
        return body.stream().mapToLong(Layout.Segment::length).sum();
    }

    private static Layout.Bytes ascii(String text) {
        return new Layout.Bytes(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
