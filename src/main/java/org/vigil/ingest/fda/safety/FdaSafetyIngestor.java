package org.vigil.ingest.fda.safety;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryService;
import org.vigil.ingest.FetchException;
import org.vigil.ingest.FetchResult;
import org.vigil.ingest.HttpFetcher;
import org.vigil.ingest.Ingestor;
import org.vigil.ingest.RunContext;

/**
 * FDA medical-device safety communications from the FDA RSS feed. The feed is small (tens of items) and is
 * re-read whole every run, without a conditional GET, on purpose: a CISA advisory published after a communication
 * must still get linked to it, and an unchanged item costs only an UNCHANGED upsert. Each kept item is stored in
 * its own transaction, linked to the CISA advisories it shares a CVE or manufacturer and product with. A hostile
 * or unreadable feed fails the run with the reason, and nothing from it is stored.
 */
@ApplicationScoped
public class FdaSafetyIngestor implements Ingestor {

    static final String NAME = "fda-safety";

    private final HttpFetcher fetcher;
    private final FdaSafetyConfig config;
    private final AdvisoryService advisories;
    private final CisaLinks links;

    FdaSafetyIngestor(HttpFetcher fetcher, FdaSafetyConfig config, AdvisoryService advisories, CisaLinks links) {
        this.fetcher = fetcher;
        this.config = config;
        this.advisories = advisories;
        this.links = links;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void run(RunContext context) throws FetchException, SafetyFeedParser.FeedRefusedException {
        FetchResult feed = fetcher.get(config.feedUrl(), null, null,
                Map.of("Accept", "application/rss+xml, application/xml;q=0.9"));
        if (!feed.ok()) {
            throw new FetchException("FDA feed answered HTTP " + feed.status(), feed.status());
        }
        List<FeedItem> items = SafetyFeedParser.parse(feed.body(), config.maxItemSize().asLongValue());
        for (FeedItem item : items) {
            if (!SafetyConverter.isDeviceCommunication(item, config.linkPath(), config.deviceKeywords())) {
                continue;
            }
            context.seen();
            try {
                context.commit(() -> {
                    Mentions.Found mentions = Mentions.in(item.title(), item.description());
                    AdvisoryDraft draft = SafetyConverter.toDraft(item, mentions, links.related(mentions));
                    context.counted(advisories.upsert(draft).outcome());
                }, null);
            } catch (RuntimeException e) {
                context.failed(item.link() == null ? String.valueOf(item.title()) : item.link(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
    }
}
