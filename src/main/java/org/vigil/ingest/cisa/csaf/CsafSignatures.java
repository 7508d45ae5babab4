package org.vigil.ingest.cisa.csaf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * The provider's OpenPGP keys and detached signature checks, with Bouncy Castle. Pure: bytes in, verdict out.
 * A signature counts only when made by a pinned primary key or by a subkey that key bound to itself, valid (bound,
 * not revoked, not expired, allowed to sign) when the signature was made: another key that happens to sit in the
 * key file (appended on a tampered mirror) proves nothing. Binding, revocation and expiry are Bouncy Castle's own
 * evaluation ({@link OpenPGPCertificate}).
 */
final class CsafSignatures {

    /** How far a signature may be dated ahead of this clock (clock skew) before it is suspect. */
    private static final Duration SKEW = Duration.ofDays(1);

    /** Outcome of one check; {@code fingerprint} of the pinned primary key, when the signer belongs to it. */
    record Check(boolean valid, String fingerprint, String detail) {
    }

    private final List<PGPPublicKeyRing> trusted;
    private final List<PGPPublicKeyRing> all;

    private CsafSignatures(List<PGPPublicKeyRing> trusted, List<PGPPublicKeyRing> all) {
        this.trusted = trusted;
        this.all = all;
    }

    /**
     * Reads an (armoured or binary) public key file, also several keys one after the other. When {@code pinned} is
     * not empty, only keys whose primary fingerprint is pinned are trusted, and at least one must be in the file:
     * a key file swapped on the mirror must not become trusted. Without pins every primary key of the file is.
     */
    static CsafSignatures load(byte[] keyFile, List<String> pinned) throws IOException {
        List<PGPPublicKeyRing> rings = KeyFiles.read(keyFile);
        if (rings.isEmpty()) {
            throw new IOException("the OpenPGP key file holds no public key");
        }
        List<String> wanted = pinned.stream().map(CsafSignatures::normalize).filter(s -> !s.isEmpty()).toList();
        List<PGPPublicKeyRing> trusted = wanted.isEmpty() ? rings
                : rings.stream().filter(r -> wanted.contains(fingerprint(r.getPublicKey()))).toList();
        if (trusted.isEmpty()) {
            throw new IOException("OpenPGP key " + fingerprint(rings.get(0).getPublicKey())
                    + " is not one of the pinned fingerprints");
        }
        return new CsafSignatures(trusted, rings);
    }

    /** The trusted primary key fingerprints, upper-case hex. */
    List<String> fingerprints() {
        return trusted.stream().map(r -> fingerprint(r.getPublicKey())).toList();
    }

    /** Checks a detached ASCII-armoured signature over the document's exact bytes. */
    Check verify(byte[] document, String armoured) {
        PGPSignature signature;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object o = factory.nextObject();
            if (o instanceof PGPCompressedData compressed) {
                o = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
                return new Check(false, null, "the .asc file holds no OpenPGP signature");
            }
            signature = list.get(0);
        } catch (IOException | PGPException | RuntimeException e) {
            return new Check(false, null, "the .asc file is not a readable OpenPGP signature");
        }
        long keyId = signature.getKeyID();
        PGPPublicKeyRing ring = holding(trusted, keyId);
        if (ring == null) {
            PGPPublicKeyRing other = holding(all, keyId);
            if (other != null) {
                return new Check(false, null, "signed by key " + fingerprint(other.getPublicKey(keyId))
                        + ", which the key file holds but which is neither the pinned key " + String.join(", ", fingerprints())
                        + " nor a subkey bound to it");
            }
            return new Check(false, null, "signed by key id " + Long.toHexString(keyId).toUpperCase(Locale.ROOT)
                    + ", which is not the provider's key");
        }
        String primary = fingerprint(ring.getPublicKey());
        try {
            OpenPGPCertificate certificate = new OpenPGPCertificate(ring);
            OpenPGPComponentKey key = certificate.getKey(new KeyIdentifier(keyId));
            String unusable = unusable(certificate, key, signature.getCreationTime());
            if (unusable != null) {
                return new Check(false, primary, unusable);
            }
            signature.init(new BcPGPContentVerifierBuilderProvider(), key.getPGPPublicKey());
            signature.update(document);
            return signature.verify() ? new Check(true, primary, "OpenPGP signature valid"
                    + (key.isPrimaryKey() ? "" : " (signing subkey " + fingerprint(key.getPGPPublicKey()) + ")"))
                    : new Check(false, primary, "OpenPGP signature does not match the document (tampered or stale signature)");
        } catch (PGPException | RuntimeException e) {
            return new Check(false, primary, "OpenPGP signature check failed: the signature or key is malformed");
        }
    }

    /** Why {@code key} could not make a valid signature at {@code at}, or null when it could. */
    private static String unusable(OpenPGPCertificate certificate, OpenPGPComponentKey key, Date at) {
        String pinned = fingerprint(certificate.getPrimaryKey().getPGPPublicKey());
        String which = key.isPrimaryKey() ? "the pinned key " + pinned
                : "subkey " + fingerprint(key.getPGPPublicKey()) + " of the pinned key";
        if (at.toInstant().isAfter(java.time.Instant.now().plus(SKEW))) {
            return "the signature is dated " + at.toInstant() + ", in the future";
        }
        if (certificate.getPrimaryKey().getRevocation(at) != null) {
            return "the pinned key " + pinned + " is revoked";
        }
        if (!key.isPrimaryKey() && key.getRevocation(at) != null) {
            return which + " is revoked";
        }
        Date expires = key.getKeyExpirationDateAt(at);
        if (expires != null && !at.before(expires)) {
            return which + " expired on " + expires.toInstant() + ", before the signature of " + at.toInstant();
        }
        if (!key.isBoundAt(at)) {
            return key.isPrimaryKey() ? which + " has no valid self-signature at " + at.toInstant()
                    : "subkey " + fingerprint(key.getPGPPublicKey()) + " is not bound to the pinned key " + pinned
                            + " by a valid binding signature";
        }
        KeyFlags flags = key.getKeyFlags(at);
        if (flags != null && (flags.getFlags() & KeyFlags.SIGN_DATA) == 0) {
            return which + " is not allowed to sign documents (its key flags)";
        }
        return null;
    }

    private static PGPPublicKeyRing holding(List<PGPPublicKeyRing> rings, long keyId) {
        return rings.stream().filter(r -> r.getPublicKey(keyId) != null).findFirst().orElse(null);
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    static String normalize(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
