package org.vigil.ingest.cisa.csaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/** A throw-away OpenPGP signing key generated in the test, as a CSAF provider would hold one. */
public final class TestPgp {

    private final PGPKeyPair pair;
    private final String armouredPublicKey;

    private TestPgp(PGPKeyPair pair, String armouredPublicKey) {
        this.pair = pair;
        this.armouredPublicKey = armouredPublicKey;
    }

    /** RSA-2048 (smaller than CISA's 4096 for speed; the checks are the same). */
    public static TestPgp generate() {
        try {
            RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
            rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), new Date());
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                    "Test CSAF Provider <csaf@example.org>",
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), null, null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armour = new ArmoredOutputStream(out)) {
                rings.generatePublicKeyRing().encode(armour);
            }
            return new TestPgp(pair, out.toString(StandardCharsets.US_ASCII));
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKey() {
        return armouredPublicKey;
    }

    public String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(pair.getPublicKey().getFingerprint());
    }

    /** A detached, ASCII-armoured signature with SHA-512, as CISA's .asc files are. */
    public String sign(byte[] document) {
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    pair.getPublicKey());
            gen.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
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
}
