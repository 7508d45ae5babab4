package org.vigil.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI metadata: every /api/v1 path takes "Authorization: Bearer <key>". */
@OpenAPIDefinition(
        info = @Info(title = "Vigil API", version = "1",
                description = "Matches CISA and FDA medical-device advisories to hospital device inventories."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class OpenApiDefinition extends Application {
}
