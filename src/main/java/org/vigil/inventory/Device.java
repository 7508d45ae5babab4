package org.vigil.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

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

    @Column(nullable = false)
    public String manufacturer;

    @Column(nullable = false)
    public String model;

    public String version;

    @Column(name = "udi_di")
    public String udiDi;

    @Column(name = "product_code")
    public String productCode;

    @Column(name = "catalog_number")
    public String catalogNumber;

    @Column(nullable = false)
    public int quantity;

    public String location;

    public String department;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Copies validated input onto this device. */
    void apply(DeviceInput in) {
        assetId = in.assetId();
        manufacturer = in.manufacturer();
        model = in.model();
        version = in.version();
        udiDi = in.udiDi();
        productCode = in.productCode();
        catalogNumber = in.catalogNumber();
        quantity = in.quantity() == null ? 1 : in.quantity();
        location = in.location();
        department = in.department();
        updatedAt = Instant.now();
    }

    static Device create(UUID hospitalId, DeviceInput in) {
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.hospitalId = hospitalId;
        d.createdAt = Instant.now();
        d.apply(in);
        return d;
    }
}
