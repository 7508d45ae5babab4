package org.vigil.advisory;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.QueryLists;

/** The advisory catalogue; readable with any key (operator or hospital), it holds no hospital data. */
@Path("/api/v1/advisories")
public class AdvisoryResource {

    private final AdvisoryQueryService query;

    public AdvisoryResource(AdvisoryQueryService query) {
        this.query = query;
    }

    /**
     * {@code severity} takes one level or a comma list; {@code since} a date (2025-01-30) or an instant; {@code q}
     * searches title, vendor and product; {@code cve} one CVE id; {@code kev} true/false.
     */
    @GET
    public Page<AdvisoryViews.Summary> list(@QueryParam("source") String source, @QueryParam("severity") String severity,
            @QueryParam("since") String since, @QueryParam("q") String q, @QueryParam("cve") String cve,
            @QueryParam("kev") String kev, @BeanParam PageRequest page) {
        AdvisoryQueryService.Filter filter = new AdvisoryQueryService.Filter(blankToNull(source), severities(severity),
                since(since), blankToNull(q), cve(cve), kev(kev));
        return query.list(filter, page.validated());
    }

    @GET
    @Path("/{id}")
    public AdvisoryViews.Detail get(@PathParam("id") String id) {
        return query.get(id);
    }

    /** The source document byte for byte as published (CSAF JSON), for audits and re-verification. */
    @GET
    @Path("/{id}/document")
    @Produces(MediaType.APPLICATION_JSON)
    public String document(@PathParam("id") String id) {
        return query.raw(id);
    }

    private static List<Severity> severities(String value) {
        List<Severity> list = QueryLists.enums("severity", value, Severity.class);
        return list.isEmpty() ? null : list;
    }

    private static Instant since(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("since", "must be a date (2025-01-30) or an instant (2025-01-30T07:00:00Z)");
        }
    }

    private static String cve(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String c = value.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("CVE-\\d{4}-\\d{4,19}")) {
            throw ApiException.badField("cve", "must look like CVE-2025-0626");
        }
        return c;
    }

    private static Boolean kev(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badField("kev", "must be true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
