package org.vigil.ingest;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A downloaded body (or "not modified"), with the validators for the next conditional request. */
public record FetchResult(int status, byte[] body, String etag, String lastModified, HttpHeaders headers) {

    public boolean notModified() {
        return status == 304;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers == null ? null : headers.firstValue(name).orElse(null);
    }
}
