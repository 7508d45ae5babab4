package org.vigil.ingest.cisa.csaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * A throw-away OpenPGP key generated in the test, as a CSAF provider would hold one: a primary key that certifies
 * and signs, or a certify-only primary with a signing subkey (optionally expired or revoked).
 */
public final class TestPgp {

    private final PGPKeyPair primary;
    private final PGPKeyPair signer;
    private final PGPPublicKeyRing ring;

    private TestPgp(PGPKeyPair primary, PGPKeyPair signer, PGPPublicKeyRing ring) {
        this.primary = primary;
        this.signer = signer;
        this.ring = ring;
    }

    /** RSA-2048 (smaller than CISA's 4096 for speed; the checks are the same), primary key signs. */
    public static TestPgp generate() {
        try {
            PGPKeyPair primary = rsa(new Date());
            PGPPublicKeyRing ring = generator(primary, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA).generatePublicKeyRing();
            return new TestPgp(primary, primary, ring);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certify-only primary with a signing subkey created at {@code created}, valid for {@code validFor} (null: no expiry). */
    public static TestPgp withSigningSubkey(Instant created, Duration validFor) {
        try {
            PGPKeyPair primary = rsa(Date.from(created));
            PGPKeyPair sub = rsa(Date.from(created));
            PGPKeyRingGenerator gen = generator(primary, KeyFlags.CERTIFY_OTHER);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(false, KeyFlags.SIGN_DATA);
            if (validFor != null) {
                hashed.setKeyExpirationTime(false, validFor.toSeconds());
            }
            gen.addSubKey(sub, hashed.generate(), null, signer());
            return new TestPgp(primary, sub, gen.generatePublicKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key with its signing subkey revoked by the primary (key compromised). */
    public TestPgp withSubkeyRevoked() {
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(signer(), primary.getPublicKey());
            gen.init(PGPSignature.SUBKEY_REVOCATION, primary.getPrivateKey());
            PGPPublicKey sub = ring.getPublicKey(signer.getKeyID());
            PGPSignature revocation = gen.generateCertification(primary.getPublicKey(), sub);
            PGPPublicKeyRing revoked = PGPPublicKeyRing.insertPublicKey(ring, PGPPublicKey.addCertification(sub, revocation));
            return new TestPgp(primary, signer, revoked);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This key with {@code other}'s signing subkey (bound by other's primary, not by ours) stitched into the ring. */
    public TestPgp withForeignSubkeyOf(TestPgp other) {
        PGPPublicKey foreign = other.ring.getPublicKey(other.signer.getKeyID());
        return new TestPgp(primary, other.signer, PGPPublicKeyRing.insertPublicKey(ring, foreign));
    }

    public String publicKey() {
        return armour(ring);
    }

    /** A key file holding this key and then {@code appended} in one armour block (gpg --export A B). */
    public String publicKeyFollowedBy(TestPgp appended) {
        return armour(ring, appended.ring);
    }

    /** The two keys as two armour blocks one after the other (cat a.asc b.asc). */
    public String publicKeyThenBlockOf(TestPgp appended) {
        return armour(ring) + armour(appended.ring);
    }

    public String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(primary.getPublicKey().getFingerprint());
    }

    /** The fingerprint of the key that signs (the subkey when there is one). */
    public String signingFingerprint() {
        return HexFormat.of().withUpperCase().formatHex(signer.getPublicKey().getFingerprint());
    }

    /** A detached, ASCII-armoured signature with SHA-512, as CISA's .asc files are. */
    public String sign(byte[] document) {
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    signer.getPublicKey());
            gen.init(PGPSignature.BINARY_DOCUMENT, signer.getPrivateKey());
            gen.update(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream armour = new ArmoredOutputStream(out)) {
                gen.generate().encode(armour);
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPKeyPair rsa(Date created) throws PGPException {
        RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
        return new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), created);
    }

    private static PGPKeyRingGenerator generator(PGPKeyPair primary, int flags) throws PGPException {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setKeyFlags(false, flags);
        return new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, "Test CSAF Provider <csaf@example.org>",
                new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null, signer(), null);
    }

    private static BcPGPContentSignerBuilder signer() {
        return new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256);
    }

    private static String armour(PGPPublicKeyRing... rings) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armour = new ArmoredOutputStream(out)) {
                for (PGPPublicKeyRing ring : rings) {
                    ring.encode(armour);
                }
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
