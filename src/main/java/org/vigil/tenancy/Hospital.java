package org.vigil.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant: one hospital or health system, owner of devices, findings and subscriptions. */
@Entity
@Table(name = "hospital")
public class Hospital {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Hospital create(String name, String contactEmail) {
        Hospital h = new Hospital();
        h.id = UUID.randomUUID();
        h.name = name;
        h.contactEmail = contactEmail;
        h.createdAt = Instant.now();
        return h;
    }
}
