package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Verification;
import org.vigil.ingest.cisa.csaf.CsafIntegrity.Input;
import org.vigil.ingest.cisa.csaf.CsafIntegrity.Policy;
import org.vigil.ingest.cisa.csaf.CsafIntegrity.Verdict;

class CsafIntegrityTest {

    static TestPgp provider;
    static TestPgp stranger;
    static CsafSignatures keys;
    static final byte[] DOC = CsafFixtures.pump().getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void keys() throws IOException {
        provider = TestPgp.generate();
        stranger = TestPgp.generate();
        keys = CsafSignatures.load(provider.publicKey().getBytes(StandardCharsets.US_ASCII), List.of());
    }

    private static String sha512(byte[] doc) {
        return CsafIntegrity.hex("SHA-512", doc) + "  icsma-99-101-01.json";
    }

    @Test
    void hashAndSignatureValidIsVerifiedWithTheFingerprint() {
        Verdict v = CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), provider.sign(DOC)), keys, Policy.STRICT);
        assertTrue(v.accepted());
        assertEquals(Verification.VERIFIED, v.provenance().verification());
        assertEquals(provider.fingerprint(), v.provenance().keyFingerprint());
        assertEquals("sha512:" + CsafIntegrity.hex("SHA-512", DOC), v.provenance().documentHash());
    }

    @Test
    void tamperedDocumentIsRefusedUnderBothPolicies() {
        byte[] tampered = CsafFixtures.pump().replace("9.8", "1.0").getBytes(StandardCharsets.UTF_8);
        for (Policy p : Policy.values()) {
            Verdict v = CsafIntegrity.check(new Input(tampered, "SHA-512", sha512(DOC), provider.sign(DOC)), keys, p);
            assertFalse(v.accepted(), p.name());
            assertTrue(v.reason().startsWith("SHA-512 mismatch"), v.reason());
        }
    }

    @Test
    void signatureByAnotherKeyIsRefusedWhenStrictAndUnverifiedOtherwise() {
        Input in = new Input(DOC, "SHA-512", sha512(DOC), stranger.sign(DOC));
        Verdict strict = CsafIntegrity.check(in, keys, Policy.STRICT);
        assertFalse(strict.accepted());
        assertTrue(strict.reason().contains("not the provider's key"), strict.reason());
        Verdict lenient = CsafIntegrity.check(in, keys, Policy.ALLOW_UNVERIFIED);
        assertTrue(lenient.accepted());
        assertEquals(Verification.UNVERIFIED, lenient.provenance().verification());
    }

    @Test
    void staleSignatureOfAnotherTextIsRefused() {
        byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
        Verdict v = CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), provider.sign(other)), keys, Policy.STRICT);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("does not match the document"), v.reason());
    }

    @Test
    void withoutKeyOrSidecarStrictRefusesAndLenientMarksUnverified() {
        assertFalse(CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), null), null, Policy.STRICT).accepted());
        assertFalse(CsafIntegrity.check(new Input(DOC, "SHA-512", null, provider.sign(DOC)), keys, Policy.STRICT).accepted());
        Verdict v = CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), null), null, Policy.ALLOW_UNVERIFIED);
        assertTrue(v.accepted());
        assertEquals(Verification.UNVERIFIED, v.provenance().verification());
        assertTrue(v.provenance().detail().startsWith("SHA-512 matches"), v.provenance().detail());
    }

    @Test
    void sha256SidecarWorksToo() {
        String sidecar = CsafIntegrity.hex("SHA-256", DOC) + "  icsma-99-101-01.json";
        assertTrue(CsafIntegrity.check(new Input(DOC, "SHA-256", sidecar, provider.sign(DOC)), keys, Policy.STRICT).accepted());
    }

    @Test
    void unpinnedKeyIsRefused() {
        IOException e = assertThrows(IOException.class, () -> CsafSignatures.load(
                provider.publicKey().getBytes(StandardCharsets.US_ASCII), List.of(stranger.fingerprint())));
        assertTrue(e.getMessage().contains("not one of the pinned fingerprints"));
    }

    @Test
    void pinnedKeyIsAccepted() throws IOException {
        String spaced = provider.fingerprint().replaceAll("(.{4})", "$1 ").toLowerCase();
        assertEquals(List.of(provider.fingerprint()), CsafSignatures.load(
                provider.publicKey().getBytes(StandardCharsets.US_ASCII), List.of(spaced)).fingerprints());
    }
}
