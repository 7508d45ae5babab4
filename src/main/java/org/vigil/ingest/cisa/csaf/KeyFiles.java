package org.vigil.ingest.cisa.csaf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Reads every public key ring of a key file: binary, one armoured block, or armoured blocks one after another. */
final class KeyFiles {

    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private KeyFiles() {
    }

    static List<PGPPublicKeyRing> read(byte[] keyFile) throws IOException {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        String text = new String(keyFile, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.contains(BEGIN)) {
            rings.addAll(parse(PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))));
            return rings;
        }
        // `cat a.asc b.asc` gives two armour blocks; an armour decoder stops after the first.
        for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + BEGIN.length())) {
            byte[] block = text.substring(at).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            rings.addAll(parse(new ArmoredInputStream(new ByteArrayInputStream(block))));
        }
        return rings;
    }

    private static List<PGPPublicKeyRing> parse(InputStream in) throws IOException {
        try (in) {
            List<PGPPublicKeyRing> out = new ArrayList<>();
            new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).forEach(out::add);
            return out;
        } catch (PGPException | RuntimeException e) {
            throw new IOException("the OpenPGP key file is unreadable: " + e.getMessage());
        }
    }
}
