package org.vigil.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiLabel;

/** A device model a hospital owns, in some quantity, as the hospital describes it. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    /** The hospital's own key for the row; imports upsert by it. */
    @Column(name = "asset_id")
    public String assetId;

    /** Null only while a device given by its DI waits for GUDID to name it. */
    public String manufacturer;

    public String model;

    public String version;

    @Column(name = "udi_di")
    public String udiDi;

    /** The UDI as scanned or typed (label or scanner form); {@link #udiDi} and the PI fields are read from it. */
    public String udi;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "lot_number")
    public String lotNumber;

    /** Production identifiers read from the UDI (never typed separately). */
    @Column(name = "expiration_date")
    public LocalDate expirationDate;

    @Column(name = "manufacturing_date")
    public LocalDate manufacturingDate;

    @Column(name = "product_code")
    public String productCode;

    @Column(name = "catalog_number")
    public String catalogNumber;

    @Column(nullable = false)
    public int quantity;

    public String location;

    public String department;

    /** GUDID enrichment state (see DeviceEnrichment): null without a DI. */
    @Column(name = "gudid_status")
    public String gudidStatus;

    @Column(name = "gudid_checked_at")
    public Instant gudidCheckedAt;

    @Column(name = "gudid_next_at")
    public Instant gudidNextAt;

    @Column(name = "gudid_attempts", nullable = false)
    public int gudidAttempts;

    @Column(name = "gudid_error")
    public String gudidError;

    /** Comma-separated fields GUDID filled; cleared when the hospital rewrites the device. */
    @Column(name = "gudid_filled")
    public String gudidFilled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Copies validated input onto this device. */
    public void apply(DeviceInput in) {
        boolean newDi = in.udiDi() != null && !in.udiDi().equals(udiDi);
        assetId = in.assetId();
        manufacturer = in.manufacturer();
        model = in.model();
        version = in.version();
        udiDi = in.udiDi();
        udi = in.udi();
        serialNumber = in.serialNumber();
        lotNumber = in.lotNumber();
        // The validator accepted the UDI, so reading it again cannot fail; the dates live only in the UDI.
        Udi read = in.udi() == null ? null : UdiLabel.read(in.udi()).udi();
        expirationDate = read == null ? null : read.expirationDate();
        manufacturingDate = read == null ? null : read.manufacturingDate();
        productCode = in.productCode();
        catalogNumber = in.catalogNumber();
        quantity = in.quantity() == null ? 1 : in.quantity();
        location = in.location();
        department = in.department();
        updatedAt = Instant.now();
        // The hospital wrote the whole device: what GUDID filled before is gone, so blanks are looked up (again, from
        // the cache when fresh). A device without a DI has nothing to look up.
        gudidFilled = null;
        if (udiDi == null) {
            gudidStatus = null;
            gudidError = null;
        } else if (newDi || manufacturer == null || model == null || catalogNumber == null || productCode == null) {
            gudidStatus = "PENDING";
            gudidAttempts = 0;
            gudidNextAt = null;
            gudidError = null;
        }
    }

    public static Device create(UUID hospitalId, DeviceInput in) {
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.hospitalId = hospitalId;
        d.createdAt = Instant.now();
        d.apply(in);
        return d;
    }
}
