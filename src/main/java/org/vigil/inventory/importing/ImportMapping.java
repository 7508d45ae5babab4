package org.vigil.inventory.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The column mapping a hospital saved once for its CMMS export: column name → device field ("" to ignore). */
@Entity
@Table(name = "import_mapping")
public class ImportMapping {

    @Id
    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "mapping_json", nullable = false)
    public String mappingJson;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Key prefix of who saved it. */
    @Column(name = "updated_by")
    public String updatedBy;
}
