package org.vigil.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The {@code page} and {@code size} query parameters shared by every list endpoint. */
public class PageRequest {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** Checks the bounds and answers with a 400 naming the parameter when they are wrong. */
    public PageRequest validated() {
        if (page < 0) {
            throw ApiException.badField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badField("size", "must be between 1 and " + MAX_SIZE);
        }
        return this;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /**
     * The total for a page showing {@code shown} items: a page shorter than its size is the last one, so the total
     * is known without {@code count} (a query per request that most small lists never need).
     */
    public long total(int shown, java.util.function.LongSupplier count) {
        boolean last = shown < size && (shown > 0 || page == 0);
        return last ? (long) page * size + shown : count.getAsLong();
    }

    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }

    /** This page of a short list held in memory (a few dozen entries), with the list's size as the total. */
    public <T> Page<T> slice(List<T> all) {
        long from = Math.min((long) page * size, all.size());
        return new Page<>(List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size))), page, size,
                all.size());
    }
}
