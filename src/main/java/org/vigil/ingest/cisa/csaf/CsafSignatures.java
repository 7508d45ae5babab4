package org.vigil.ingest.cisa.csaf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/** The provider's OpenPGP keys and detached signature checks, with Bouncy Castle. Pure: bytes in, verdict out. */
final class CsafSignatures {

    /** Outcome of one check; {@code fingerprint} of the key that signed, when known. */
    record Check(boolean valid, String fingerprint, String detail) {
    }

    private final PGPPublicKeyRingCollection keys;

    private CsafSignatures(PGPPublicKeyRingCollection keys) {
        this.keys = keys;
    }

    /**
     * Reads an (armoured or binary) public key file. When {@code pinned} is not empty, at least one key's
     * fingerprint must be in it, or the keys are refused: a key file swapped on the mirror must not become trusted.
     */
    static CsafSignatures load(byte[] keyFile, List<String> pinned) throws IOException {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (PGPException | RuntimeException e) {
            throw new IOException("the OpenPGP key file is unreadable: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        rings.forEach(ring -> ring.getPublicKeys().forEachRemaining(k -> found.add(fingerprint(k))));
        if (found.isEmpty()) {
            throw new IOException("the OpenPGP key file holds no public key");
        }
        List<String> wanted = pinned.stream().map(CsafSignatures::normalize).filter(s -> !s.isEmpty()).toList();
        if (!wanted.isEmpty() && found.stream().noneMatch(wanted::contains)) {
            throw new IOException("OpenPGP key " + found.get(0) + " is not one of the pinned fingerprints");
        }
        return new CsafSignatures(rings);
    }

    /** The primary key fingerprints, upper-case hex. */
    List<String> fingerprints() {
        List<String> out = new ArrayList<>();
        keys.forEach(ring -> out.add(fingerprint(ring.getPublicKey())));
        return out;
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
            return new Check(false, null, "the .asc file is not a readable OpenPGP signature: " + e.getMessage());
        }
        try {
            PGPPublicKey key = keys.getPublicKey(signature.getKeyID());
            if (key == null) {
                return new Check(false, null, "signed by key id " + Long.toHexString(signature.getKeyID()).toUpperCase(Locale.ROOT)
                        + ", which is not the provider's key");
            }
            String fingerprint = primaryFingerprint(key);
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(document);
            return signature.verify() ? new Check(true, fingerprint, "OpenPGP signature valid")
                    : new Check(false, fingerprint, "OpenPGP signature does not match the document (tampered or stale signature)");
        } catch (PGPException | RuntimeException e) {
            return new Check(false, null, "OpenPGP signature check failed: " + e.getMessage());
        }
    }

    private String primaryFingerprint(PGPPublicKey key) throws PGPException {
        PGPPublicKeyRing ring = keys.getPublicKeyRing(key.getKeyID());
        return fingerprint(ring == null ? key : ring.getPublicKey());
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    static String normalize(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
