package org.vigil.advisory;

/** CSAF product status of an affected-product row (FDA recalls are always AFFECTED). */
public enum ProductStatus {
    AFFECTED, FIXED, NOT_AFFECTED, UNDER_INVESTIGATION
}
