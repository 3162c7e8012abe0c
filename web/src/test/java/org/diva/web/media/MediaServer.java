package org.diva.web.media;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.diva.web.HttpServer;
import org.diva.web.RawHttp;
import org.diva.web.Router;

/**
 * A real {@link HttpServer} on a free loopback port serving {@code /media/{id}} from an in-memory catalogue,
 * and an HTTP/1.1 client for it. Catalogue entries record size and time when added, as the scanner would.
 */
final class MediaServer implements AutoCloseable {
    private final Map<String, ServedFile> catalogue = new ConcurrentHashMap<>();
    private final HttpServer server;
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    MediaServer() throws Exception {
        MediaSource source = id -> Optional.ofNullable(catalogue.get(id));
        server = new HttpServer(0, new Router().getAndHead("/media/{id}", new MediaEndpoint(source)));
        server.start();
    }

    /** Catalogues {@code file} under {@code id} as it is now on disk. */
    ServedFile add(String id, Path file, String contentType) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        ServedFile served = new ServedFile(file, contentType, attributes.size(),
                attributes.lastModifiedTime().toMillis());
        catalogue.put(id, served);
        return served;
    }

    /** Catalogues {@code file} under {@code id} as given (a layout, a record that is out of date). */
    void put(String id, ServedFile file) {
        catalogue.put(id, file);
    }

    int port() {
        return server.port();
    }

    URI uri(String id) {
        return URI.create("http://127.0.0.1:" + port() + "/media/" + id);
    }

    /** A GET with the given header name/value pairs, body read whole. */
    HttpResponse<byte[]> get(String id, String... headers) throws IOException, InterruptedException {
        return send("GET", id, headers);
    }

    HttpResponse<byte[]> head(String id, String... headers) throws IOException, InterruptedException {
        return send("HEAD", id, headers);
    }

    /** The same request over a plain socket, {@code headerLines} as {@code "Name: value"}, the response read raw. */
    RawHttp.Response raw(String method, String id, String... headerLines) throws IOException {
        return RawHttp.exchange(port(), method, "/media/" + id, headerLines);
    }

    private HttpResponse<byte[]> send(String method, String id, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(id))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
