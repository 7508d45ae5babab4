package org.vigil.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A product an advisory names, with the version text exactly as the source wrote it. */
@Entity
@Table(name = "affected_product")
public class AffectedProduct {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "advisory_id", nullable = false)
    public Advisory advisory;

    public int position;

    /** The source's product id (CSAF {@code CSAFPID-0001}); CVEs and remediations refer to it. */
    @Column(name = "product_id")
    public String productId;

    public String vendor;

    public String product;

    @Column(name = "version_text")
    public String versionText;

    /** The parsed range in canonical form, or {@code unparseable}; null when there was no version text. */
    @Column(name = "version_range")
    public String versionRange;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status;

    @Column(name = "product_code")
    public String productCode;

    @Column(name = "model_numbers_json")
    public String modelNumbersJson;

    @Column(name = "catalog_numbers_json")
    public String catalogNumbersJson;

    @Column(name = "udi_dis_json")
    public String udiDisJson;

    @Column(name = "lots_json")
    public String lotsJson;

    @Column(name = "serials_json")
    public String serialsJson;

    /** The CSAF leaf's full product name ("… included in Capsule DTS"), context for matching; null for recalls. */
    @Column(name = "full_name")
    public String fullName;
}
