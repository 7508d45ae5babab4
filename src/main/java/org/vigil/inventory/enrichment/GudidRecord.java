package org.vigil.inventory.enrichment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** AccessGUDID's answer for one DI, as fetched: the lookup cache and the evidence shown on devices. */
@Entity
@Table(name = "gudid_record")
public class GudidRecord {

    @Id
    public String di;

    /** False: AccessGUDID does not know the DI (cached for a shorter time). */
    public boolean found;

    /** The lookup answer exactly as served. */
    @Column(name = "response_json")
    public String responseJson;

    /** The fields Vigil reads from it (brand, model number, catalog number, company, product codes, record key). */
    @Column(name = "summary_json")
    public String summaryJson;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;
}
