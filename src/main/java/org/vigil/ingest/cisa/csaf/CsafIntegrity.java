package org.vigil.ingest.cisa.csaf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.vigil.advisory.AdvisoryDraft.Provenance;
import org.vigil.advisory.Verification;

/**
 * Decides whether a downloaded document may enter the catalogue, from its hash sidecar and detached signature.
 * A hash that does not match is refused under every policy (the bytes are not what the provider published);
 * a missing or bad signature is refused under {@code strict} and marked UNVERIFIED under {@code allow-unverified}.
 */
final class CsafIntegrity {

    enum Policy {
        STRICT, ALLOW_UNVERIFIED
    }

    /** {@code sidecar} / {@code signature} are the fetched texts or null when the provider has none. */
    record Input(byte[] document, String hashAlgorithm, String sidecar, String signature) {
    }

    /** {@code accepted == false} means: record {@code reason} as a failed document, import nothing. */
    record Verdict(boolean accepted, Provenance provenance, String reason) {
    }

    private CsafIntegrity() {
    }

    static Verdict check(Input in, CsafSignatures keys, Policy policy) {
        String sha512 = "sha512:" + hex("SHA-512", in.document());
        String hashNote;
        if (in.sidecar() == null) {
            if (policy == Policy.STRICT) {
                return refuse("no .sha512 or .sha256 hash file is published for the document");
            }
            hashNote = "no hash file published";
        } else {
            String published = in.sidecar().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            String actual = hex(in.hashAlgorithm(), in.document());
            if (!published.equals(actual)) {
                return refuse(in.hashAlgorithm() + " mismatch: the hash file says " + abbreviate(published)
                        + ", the document hashes to " + abbreviate(actual) + " (altered in transit or on the mirror)");
            }
            hashNote = in.hashAlgorithm() + " matches";
        }
        if (keys == null) {
            if (policy == Policy.STRICT) {
                return refuse("no OpenPGP key to check the signature with");
            }
            return accept(sha512, Verification.UNVERIFIED, hashNote + "; signature not checked (no OpenPGP key configured)", null);
        }
        if (in.signature() == null) {
            if (policy == Policy.STRICT) {
                return refuse(hashNote + ", but no .asc signature is published for the document");
            }
            return accept(sha512, Verification.UNVERIFIED, hashNote + "; no .asc signature published", null);
        }
        CsafSignatures.Check sig = keys.verify(in.document(), in.signature());
        if (sig.valid()) {
            return accept(sha512, Verification.VERIFIED, hashNote + "; " + sig.detail(), sig.fingerprint());
        }
        if (policy == Policy.STRICT) {
            return refuse(sig.detail());
        }
        return accept(sha512, Verification.UNVERIFIED, hashNote + "; " + sig.detail(), sig.fingerprint());
    }

    private static Verdict refuse(String reason) {
        return new Verdict(false, null, reason);
    }

    private static Verdict accept(String hash, Verification v, String detail, String fingerprint) {
        return new Verdict(true, new Provenance(hash, v, detail, fingerprint), null);
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String algorithm, String text) {
        return hex(algorithm, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }
}
