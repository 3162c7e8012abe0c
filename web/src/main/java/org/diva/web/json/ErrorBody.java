package org.diva.web.json;

/** The wire form of every API error: {@code {"error": {"status": 404, "message": "..."}}}. */
public record ErrorBody(Detail error) {
    public record Detail(int status, String message) {
    }

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(new Detail(status, message));
    }
}
