package org.vigil.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.advisory.Severity;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.TrendChart;
import org.vigil.ingest.SourceResource;
import org.vigil.ingest.SourceStatusService;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.FindingStats;
import org.vigil.matching.finding.FindingView;
import org.vigil.tenancy.Caller;

/** {@code /ui/}: what needs attention in this hospital now. The operator starts at the sources page. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance home(Map<Severity, Map<Confidence, Long>> open, long openTotal,
                List<FindingView> exploited, List<FindingStats.AdvisoryHit> newest,
                List<SourceResource.SourceStatus> sources, String chart, FindingStats.Trend trend);
    }

    private final FindingStats stats;
    private final SourceStatusService sources;
    private final Caller caller;

    public HomePage(FindingStats stats, SourceStatusService sources, Caller caller) {
        this.stats = stats;
        this.sources = sources;
        this.caller = caller;
    }

    @GET
    public Response home() {
        if (caller.isOperator()) {
            return Response.seeOther(URI.create("/ui/operator/sources")).build();
        }
        UUID hospital = caller.hospitalId();
        Map<Severity, Map<Confidence, Long>> open = stats.openBySeverity(hospital);
        long total = open.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        FindingStats.Trend trend = stats.openOverTime(hospital, Instant.now(), Duration.ofDays(90), 14);
        return Response.ok(Templates.home(open, total, stats.openExploited(hospital, 10),
                stats.newestAdvisories(hospital, 8), sources.all(), TrendChart.svg(trend), trend)).build();
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
