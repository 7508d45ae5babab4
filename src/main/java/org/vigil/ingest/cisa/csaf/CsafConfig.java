package org.vigil.ingest.cisa.csaf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "vigil.sources.cisa-csaf")
public interface CsafConfig {

    /** Whether the scheduled job runs (operators can still start runs when true). */
    @WithDefault("true")
    boolean enabled();

    /** Quartz cron of the scheduled run; "off" disables the schedule. */
    @WithDefault("0 0/30 * * * ?")
    String cron();

    /** CSAF provider-metadata.json; its directory or ROLIE distribution and public OpenPGP keys are used. */
    @WithDefault("https://www.cisa.gov/sites/default/files/csaf/provider-metadata.json")
    String providerMetadataUrl();

    /** A CSAF directory (index.txt, changes.csv) read directly; wins over provider-metadata-url. file: URLs serve offline mirrors. */
    Optional<String> directoryUrl();

    /** Further index.txt files whose paths are relative to the directory (e.g. a newer index next to an old mirror). */
    Optional<List<String>> additionalIndexUrls();

    /** Advisory id prefixes to keep (ICSMA = medical; add ICSA for all industrial control system advisories). */
    @WithDefault("ICSMA")
    List<String> idPrefixes();

    /** strict: a document failing hash or signature is not imported; allow-unverified: imported marked UNVERIFIED (a bad hash never is). */
    @WithDefault("strict")
    CsafIntegrity.Policy verification();

    /** Pinned OpenPGP fingerprints; a provider key not among them is refused. */
    Optional<List<String>> openpgpFingerprints();

    /** An OpenPGP public key file (armoured), instead of the provider-metadata's key; for offline mirrors. */
    Optional<String> openpgpKeyUrl();

    /** For partial offline mirrors: a listed document the mirror does not have (404) is skipped and counted, not failed. */
    @WithDefault("false")
    boolean skipMissingDocuments();
}
