package org.vigil.ingest.cisa.kev;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One entry of CISA's Known Exploited Vulnerabilities catalogue, as last downloaded. */
@Entity
@Table(name = "kev_entry")
public class KevRecord {

    @Id
    @Column(name = "cve_id")
    public String cveId;

    @Column(name = "vendor_project")
    public String vendorProject;

    public String product;

    @Column(name = "vulnerability_name")
    public String vulnerabilityName;

    @Column(name = "date_added")
    public LocalDate dateAdded;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "known_ransomware_campaign_use")
    public String knownRansomwareCampaignUse;

    @Column(name = "required_action")
    public String requiredAction;
}
