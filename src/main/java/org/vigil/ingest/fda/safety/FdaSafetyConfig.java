package org.vigil.ingest.fda.safety;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "vigil.sources.fda-safety")
public interface FdaSafetyConfig {

    /** Whether the FDA safety communications source runs at all. */
    @WithDefault("true")
    boolean enabled();

    /** Quartz cron for the scheduled run ("off" disables the schedule); hourly by default. */
    @WithDefault("0 15 * * * ?")
    String cron();

    /** The FDA RSS feed to read (Drupal-generated; file: URLs work for offline mirrors). */
    @WithDefault("https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medical-devices/rss.xml")
    String feedUrl();

    /** Items whose link path contains this are medical-device safety communications. */
    @WithDefault("/medical-devices/safety-communications/")
    String linkPath();

    /** Other items are kept only when title or description mentions one of these words (case-insensitive). */
    @WithDefault("medical device,device,cybersecurity,patient monitor,infusion pump,implant,pacemaker,defibrillator,ventilator")
    List<String> deviceKeywords();

    /** Largest single item (title + description) accepted; a bigger one makes the feed refused as hostile. */
    @WithDefault("256K")
    MemorySize maxItemSize();
}
