package org.vigil.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A CVE of an advisory, with its CVSS and, when CISA lists it, its KEV facts. */
@Entity
@Table(name = "advisory_cve")
public class AdvisoryCve {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "advisory_id", nullable = false)
    public Advisory advisory;

    public int position;

    @Column(nullable = false)
    public String cve;

    @Column(name = "cwe_id")
    public String cweId;

    @Column(name = "cwe_name")
    public String cweName;

    public String summary;

    @Column(name = "cvss_version")
    public String cvssVersion;

    @Column(name = "cvss_vector")
    public String cvssVector;

    @Column(name = "cvss_score")
    public Double cvssScore;

    @Column(name = "cvss_severity")
    public String cvssSeverity;

    @Column(name = "product_ids_json")
    public String productIdsJson;

    @Column(nullable = false)
    public boolean kev;

    @Column(name = "kev_date_added")
    public LocalDate kevDateAdded;

    @Column(name = "kev_due_date")
    public LocalDate kevDueDate;

    @Column(name = "kev_ransomware")
    public String kevRansomware;

    @Column(name = "kev_required_action")
    public String kevRequiredAction;
}
