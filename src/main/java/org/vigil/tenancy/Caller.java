package org.vigil.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.vigil.api.ApiException;

/** Who is calling this request, set by {@link AuthFilter} from the bearer key. */
@RequestScoped
public class Caller {

    private ApiKey.Role role;
    private UUID hospitalId;
    private String keyPrefix;

    /** Sets the identity for this request: the API key filter, or the console from its session. */
    public void set(ApiKey key) {
        this.role = key.role;
        this.hospitalId = key.hospitalId;
        this.keyPrefix = key.prefix;
    }

    public boolean isOperator() {
        return role == ApiKey.Role.OPERATOR;
    }

    public void requireOperator() {
        if (!isOperator()) {
            throw ApiException.forbidden("This operation needs the operator key");
        }
    }

    /** The caller's hospital; operator keys have none and get 403 on hospital-only paths. */
    public UUID hospitalId() {
        if (hospitalId == null) {
            throw ApiException.forbidden("This operation needs a hospital key; the operator key has no inventory");
        }
        return hospitalId;
    }

    /** For audit fields such as "who triaged": the key prefix, never the key. */
    public String actor() {
        return keyPrefix;
    }
}
