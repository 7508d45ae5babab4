package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
    void aSecondKeyAppendedToTheKeyFileCannotVouchForATamperedDocument() throws IOException {
        TestPgp attacker = TestPgp.generate();
        CsafSignatures pinned = CsafSignatures.load(provider.publicKeyFollowedBy(attacker)
                .getBytes(StandardCharsets.US_ASCII), List.of(provider.fingerprint()));
        byte[] tampered = CsafFixtures.pump().replace("9.8", "1.0").getBytes(StandardCharsets.UTF_8);
        Input in = new Input(tampered, "SHA-512", sha512(tampered), attacker.sign(tampered));

        Verdict strict = CsafIntegrity.check(in, pinned, Policy.STRICT);
        assertFalse(strict.accepted());
        assertEquals("signed by key " + attacker.fingerprint() + ", which the key file holds but which is neither the "
                + "pinned key " + provider.fingerprint() + " nor a subkey bound to it", strict.reason());
        assertEquals(Verification.UNVERIFIED, CsafIntegrity.check(in, pinned, Policy.ALLOW_UNVERIFIED).provenance()
                .verification());
        assertEquals(List.of(provider.fingerprint()), pinned.fingerprints(), "only the pinned key is trusted");
        assertEquals(List.of(provider.fingerprint(), attacker.fingerprint()), CsafSignatures.load(provider
                .publicKeyThenBlockOf(attacker).getBytes(StandardCharsets.US_ASCII), List.of()).fingerprints(),
                "armour blocks one after another are all read; without pins the key file is trusted as a whole");
    }

    @Test
    void aSigningSubkeyBoundToThePinnedKeyIsAccepted() throws IOException {
        TestPgp withSub = TestPgp.withSigningSubkey(Instant.now().minusSeconds(3600), null);
        Verdict v = CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), withSub.sign(DOC)), pinnedTo(withSub),
                Policy.STRICT);
        assertTrue(v.accepted(), v.reason());
        assertEquals(Verification.VERIFIED, v.provenance().verification());
        assertEquals(withSub.fingerprint(), v.provenance().keyFingerprint(), "provenance names the pinned primary key");
        assertTrue(v.provenance().detail().endsWith("(signing subkey " + withSub.signingFingerprint() + ")"),
                v.provenance().detail());
    }

    @Test
    void anExpiredRevokedOrForeignSubkeyIsRefusedWithItsReason() throws IOException {
        TestPgp expired = TestPgp.withSigningSubkey(Instant.now().minus(Duration.ofDays(2)), Duration.ofDays(1));
        assertRefused(expired, expired, "subkey " + expired.signingFingerprint() + " of the pinned key expired on ");

        TestPgp revoked = TestPgp.withSigningSubkey(Instant.now().minusSeconds(3600), null).withSubkeyRevoked();
        assertRefused(revoked, revoked, "subkey " + revoked.signingFingerprint() + " of the pinned key is revoked");

        TestPgp attacker = TestPgp.withSigningSubkey(Instant.now().minusSeconds(3600), null);
        TestPgp stitched = provider.withForeignSubkeyOf(attacker);
        assertRefused(stitched, stitched, "subkey " + attacker.signingFingerprint() + " is not bound to the pinned key "
                + provider.fingerprint() + " by a valid binding signature");
    }

    private static void assertRefused(TestPgp keyFile, TestPgp signer, String reasonStart) throws IOException {
        Verdict v = CsafIntegrity.check(new Input(DOC, "SHA-512", sha512(DOC), signer.sign(DOC)), pinnedTo(keyFile),
                Policy.STRICT);
        assertFalse(v.accepted(), reasonStart);
        assertTrue(v.reason().startsWith(reasonStart), v.reason());
    }

    private static CsafSignatures pinnedTo(TestPgp key) throws IOException {
        return CsafSignatures.load(key.publicKey().getBytes(StandardCharsets.US_ASCII), List.of(key.fingerprint()));
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
