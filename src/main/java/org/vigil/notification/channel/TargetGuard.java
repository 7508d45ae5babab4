package org.vigil.notification.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSRF guard for webhook targets: resolves the host and refuses it when ANY of its addresses is internal
 * (a host with one public and one private address would let DNS pick the private one later). The delivery
 * then connects to the address that was checked, so a DNS answer that changes between check and connect
 * (rebinding) cannot redirect the call.
 */
public final class TargetGuard {

    /**
     * A target that must not be called. The message is what the tenant may see: it never names the resolved
     * address, which would turn the guard into an oracle for the operator's internal DNS; {@link #detail()}
     * carries the address and its kind for the server log only.
     */
    public static class Refused extends Exception {
        private final boolean transientFailure;
        private final String detail;

        public Refused(String message, boolean transientFailure) {
            this(message, transientFailure, null);
        }

        Refused(String message, boolean transientFailure, String detail) {
            super(message);
            this.transientFailure = transientFailure;
            this.detail = detail;
        }

        /** For the operator's log: which address was refused and why; null when nothing resolved. */
        public String detail() {
            return detail;
        }

        /** True when trying again later may succeed (the name did not resolve, e.g. a DNS outage). */
        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private TargetGuard() {
    }

    /**
     * Resolves {@code url}'s host and returns the address to connect to.
     *
     * @param allowPrivate accept internal addresses ({@code vigil.webhooks.allow-private-targets})
     */
    public static InetAddress check(URI url, boolean allowPrivate) throws Refused {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("the URL has no host", false);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + host + "' does not resolve", true);
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                Optional<String> why = refusal(a);
                if (why.isPresent()) {
                    throw new Refused("host '" + host + "' resolves to a private address; such targets are refused"
                            + " (vigil.webhooks.allow-private-targets)", false, a.getHostAddress() + " is " + why.get());
                }
            }
        }
        return addresses[0];
    }

    /** Why an address is internal, or empty when it is a public unicast address. */
    public static Optional<String> refusal(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return ipv4(b);
        }
        if (a instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("an unknown address family");
    }

    private static Optional<String> ipv4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        int o3 = b[3] & 0xff;
        if (o0 == 169 && o1 == 254) {
            // 169.254.169.254 is the AWS/GCP/Azure/OpenStack metadata service; the whole block is link-local.
            return Optional.of(o2 == 169 && o3 == 254 ? "the cloud metadata address" : "a link-local address");
        }
        if (o0 == 100 && o1 == 100 && o2 == 100 && o3 == 200) {
            return Optional.of("the cloud metadata address");
        }
        if (o0 == 10 || (o0 == 172 && o1 >= 16 && o1 <= 31) || (o0 == 192 && o1 == 168)) {
            return Optional.of("a private address");
        }
        if (o0 == 100 && o1 >= 64 && o1 <= 127) {
            return Optional.of("a carrier-grade NAT (CGNAT) address");
        }
        if (o0 == 0 || o0 == 127) {
            return Optional.of("a reserved local address");
        }
        if (o0 == 192 && o1 == 0 && o2 == 0) {
            return Optional.of("an IETF protocol assignment address");
        }
        if (o0 == 198 && (o1 == 18 || o1 == 19)) {
            return Optional.of("a benchmarking address");
        }
        if (o0 >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            // fc00::/7, which also holds AWS's IPv6 metadata endpoint fd00:ec2::254.
            return Optional.of(b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                    ? "the cloud metadata address" : "a unique-local address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        if (zeroPrefix(b, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            // IPv4-compatible / IPv4-mapped: judge the embedded IPv4 address.
            return ipv4(new byte[] {b[12], b[13], b[14], b[15]}).map(r -> r + " (IPv4 inside IPv6)");
        }
        if (first == 0x20 && b[1] == 0x02) {
            // 6to4 (2002::/16) carries an IPv4 address in bytes 2-5.
            return ipv4(new byte[] {b[2], b[3], b[4], b[5]}).map(r -> r + " (6to4)");
        }
        if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (b[4] == 0 && b[5] == 1) {
                // 64:ff9b:1::/48 (RFC 8215) is for NAT64 inside one network: whatever it embeds is local.
                return Optional.of("a local-use NAT64 address");
            }
            // NAT64 well-known prefix 64:ff9b::/96.
            return ipv4(new byte[] {b[12], b[13], b[14], b[15]}).map(r -> r + " (NAT64)");
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo (2001::/32) tunnels to an obfuscated IPv4 client through a relay: never a webhook host.
            return Optional.of("a Teredo tunnel address");
        }
        if (zeroPrefix(b, 8) && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            // ::ffff:0:0:0/96, IPv4-translated (RFC 2765): a translator would forward it to any IPv4 address.
            return Optional.of("an IPv4-translated address");
        }
        return Optional.empty();
    }

    private static boolean zeroPrefix(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
