package org.vigil.db;

import java.util.Locale;

/** Which database the build talks to, from {@code quarkus.datasource.db-kind}: where SQL must differ. */
public final class Dialect {

    private Dialect() {
    }

    /** True for PostgreSQL (db-kind "postgresql" or "postgres"); false for H2. */
    public static boolean postgres(String dbKind) {
        return dbKind != null && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }
}
