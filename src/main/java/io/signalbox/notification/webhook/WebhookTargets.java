package io.signalbox.notification.webhook;

import io.signalbox.web.HostileText;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook targets the portal may call (docs/webhooks.md): {@code https} URLs without credentials whose host
 * resolves only to public addresses. Checked when a subscription is saved ({@link #refuseUnsafe}) and again before
 * every call (DNS answers change), so a subscription cannot make the portal reach its own network: loopback,
 * private (RFC 1918, {@code fc00::/7}), link-local (including the cloud metadata address {@code 169.254.169.254}),
 * CGNAT ({@code 100.64.0.0/10}), unspecified, broadcast and multicast addresses are refused, also when written as
 * IPv4-mapped or IPv4-compatible IPv6 addresses, unless the operator allows private targets.
 */
@ApplicationScoped
public class WebhookTargets {

    /** The longest target URL accepted. */
    public static final int MAX_LENGTH = 2000;

    /** Resolves a host name to all its addresses, as {@link InetAddress#getAllByName} does (tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What a look at a target found. */
    sealed interface Verdict permits Safe, Unsafe, Unresolvable {}

    /** Callable: every address of the host is allowed. */
    record Safe(URI uri, List<InetAddress> addresses) implements Verdict {}

    /** Never callable as it is: {@code problem} completes "the webhook URL …" and says what to do. */
    record Unsafe(String problem) implements Verdict {}

    /** The host name does not resolve now; it may later. */
    record Unresolvable(String problem) implements Verdict {}

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(WebhookConfig config) {
        this(config.allowHttp(), config.allowPrivateTargets(), InetAddress::getAllByName);
    }

    /** Targets checked with the given settings and resolver (the operator's settings come through the other one). */
    public WebhookTargets(boolean allowHttp, boolean allowPrivateTargets, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivateTargets;
        this.resolver = resolver;
    }

    /**
     * Refuses a target a subscription may not have, for example when it is saved.
     *
     * @param url the target as given
     * @param field the name of the field that holds it in the caller's request, for the refusal
     * @return the target as a URI
     * @throws Refusal.Invalid (422) naming {@code field} and what to do: not an absolute {@code https} URL, carries a
     *     user name or password, names a host that does not resolve, or one that resolves to an address on the portal's
     *     own network
     */
    public URI refuseUnsafe(String url, String field) {
        Verdict verdict = inspect(url);
        if (verdict instanceof Safe safe) {
            return safe.uri();
        }
        String problem = verdict instanceof Unsafe unsafe ? unsafe.problem() : ((Unresolvable) verdict).problem();
        throw Refusal.invalid("The webhook URL cannot be used", field, problem);
    }

    /** Looks at a target: its form, then every address its host resolves to now. */
    Verdict inspect(String url) {
        if (url == null || url.isBlank()) {
            return new Unsafe("is required: an https URL, such as https://hooks.example.com/signalbox");
        }
        if (url.length() > MAX_LENGTH || HostileText.isUnstorable(url)) {
            return new Unsafe("must be a URL of at most " + MAX_LENGTH + " ordinary characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new Unsafe(
                    "is not a URL (" + e.getReason() + "); write it like https://hooks.example.com/signalbox");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return new Unsafe("must start with https://"
                    + (allowHttp
                            ? " or http://"
                            : " (plain http is refused, so the body and its signature travel" + " encrypted)"));
        }
        if (uri.getRawUserInfo() != null) {
            return new Unsafe("must not carry a user name or password; the receiver checks the X-Signalbox-Signature"
                    + " header instead");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return new Unsafe("must name a host, as in https://hooks.example.com/signalbox");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Unresolvable("names the host " + host + ", which does not resolve; check the spelling");
        }
        if (addresses == null || addresses.length == 0) {
            return new Unresolvable("names the host " + host + ", which does not resolve; check the spelling");
        }
        for (InetAddress address : addresses) {
            String why = whyRefused(address);
            if (why != null) {
                return new Unsafe("resolves to " + address.getHostAddress() + ", " + why
                        + ", which Signalbox does not call; give a public address of the receiver");
            }
        }
        return new Safe(uri, List.of(addresses));
    }

    /** Why an address may not be called, or null when it may. */
    private String whyRefused(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (isMetadata(address) || isMetadata(effective)) {
            return "a cloud metadata address"; // never a webhook receiver, whatever the operator allows
        }
        if (allowPrivate) {
            return null;
        }
        if (effective.isAnyLocalAddress() || isZeroNetwork(effective)) {
            return "an unspecified address";
        }
        if (effective.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (effective.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (effective.isSiteLocalAddress() || isUniqueLocal(effective)) {
            return "a private address";
        }
        if (isSharedAddressSpace(effective)) {
            return "a carrier-grade NAT address (100.64.0.0/10)";
        }
        if (effective.isMulticastAddress() || isBroadcast(effective)) {
            return "a multicast or broadcast address";
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 address carries: IPv4-compatible ({@code ::127.0.0.1}) and NAT64 ({@code
     * 64:ff9b::/96}) forms. Java already turns IPv4-mapped addresses ({@code ::ffff:127.0.0.1}) into IPv4 ones.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address;
        }
        byte[] b = v6.getAddress();
        boolean compatible = v6.isIPv4CompatibleAddress() && !v6.isLoopbackAddress() && !v6.isAnyLocalAddress();
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (!compatible && !nat64 && !mapped) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
        }
        // fd00:ec2::254, the IPv6 instance metadata address of AWS
        return (b[0] & 0xff) == 0xfd
                && b[1] == 0
                && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2
                && allZero(b, 4, 14)
                && (b[14] & 0xff) == 0x02
                && (b[15] & 0xff) == 0x54;
    }

    /** {@code fc00::/7}: unique local IPv6 addresses, the IPv6 private ranges (Java's site-local is fec0::/10). */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** {@code 100.64.0.0/10} (RFC 6598), used inside providers' networks. */
    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** {@code 0.0.0.0/8}: "this network", which some systems route to the host itself. */
    private static boolean isZeroNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && allOnes(b);
    }

    private static boolean allOnes(byte[] bytes) {
        for (byte b : bytes) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }
}
